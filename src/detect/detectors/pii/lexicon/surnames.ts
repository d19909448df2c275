/**
 * Common family names in English, German, French and Spanish (plus frequent Italian, Portuguese,
 * Dutch, Nordic and Central European ones). Written for Rampart from general knowledge; compact.
 */
const ENGLISH = `smith johnson williams brown jones miller davis wilson anderson taylor thomas moore jackson martin
lee thompson white harris clark lewis robinson walker young allen king wright scott hill green adams baker nelson
carter mitchell roberts turner phillips campbell parker evans edwards collins stewart morris murphy cook rogers
morgan cooper peterson bailey reed kelly howard cox ward richardson watson brooks wood james bennett gray grey
hughes price sanders myers long ross foster powell jenkins perry russell sullivan bell coleman butler henderson
barnes fisher vasquez simmons graham marshall owens harrison gibson wallace ellis hamilton stevens kennedy
hunt wells cole west jordan reynolds black palmer hayes stone mason hart burke knight fox warren webb dixon
harper ford holmes rice hudson hawkins austin pierce spencer lawson garrett hale mills rose walsh byrne ryan
obrien o'brien o'connor oconnor doyle mccarthy murray quinn kavanagh gallagher maclean macdonald mackenzie
campbell fraser robertson reid duncan ferguson hamilton watt lloyd davies jenkins hughes rees price morgan
fletcher chapman chambers curtis lambert sharp barker lane dean newman hale lowe
hall wood shaw wheeler porter hunter hicks crawford boyd mason warner fuller dunn payne lynch arnold pearson
andrews wagner schmidt hoffman`;

const GERMAN = `müller mueller schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann hofmann
schäfer schaefer koch bauer richter klein wolf schröder schroeder neumann schwarz zimmermann braun krüger
krueger hofmann hartmann lange schmitt werner schmitz krause meier lehmann schmid schulze maier köhler koehler
herrmann könig koenig walter mayer huber kaiser fuchs peters lang scholz möller moeller weiß weiss jung hahn
schubert vogel friedrich keller günther guenther frank berger winkler roth beck lorenz baumann franke albrecht
schuster simon ludwig böhm boehm winter kraus martin schumacher krämer kraemer vogt stein jäger jaeger otto
sommer groß gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn kühn pohl engel
horn busch bergmann thomas voigt sauer arnold wolff pfeiffer brenner eichhorn kessler
lindner ostermann reuter stahl ulrich wendt zeller`;

const FRENCH = `martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre
michel garcia david bertrand roux vincent fournier morel girard andré andre lefèvre lefevre mercier dupont
lambert bonnet françois francois martinez legrand garnier faure rousseau blanc guerin guérin muller henry
roussel nicolas perrin morin mathieu clement clément gauthier dumont lopez fontaine chevalier robin masson
sanchez gerard gérard nguyen boyer denis lemaire duval joly gautier roger roche roy noel noël meyer lucas
meunier jean perez marchand dufour blanchard marie barbier brun dumas brunet schmitt leroux colin fernandez
pierre renard arnaud rolland caron aubert giraud leclerc vidal bourgeois renaud lemoine picard gaillard
philippe leclercq lacroix fabre dupuis olivier rodriguez da silva hubert louis charles guillot riviere rivière
le gall le goff leblanc barre cousin baron carpentier hamon huet paris`;

const SPANISH = `garcía garcia rodríguez rodriguez gonzález gonzalez fernández fernandez lópez lopez martínez
martinez sánchez sanchez pérez perez gómez gomez martín martin jiménez jimenez ruiz hernández hernandez díaz
diaz moreno muñoz munoz álvarez alvarez romero alonso gutiérrez gutierrez navarro torres domínguez dominguez
vázquez vazquez ramos gil ramírez ramirez serrano blanco molina morales suárez suarez ortega delgado castro
ortiz rubio marín marin sanz núñez nunez iglesias medina garrido cortés cortes castillo santos lozano guerrero
cano prieto méndez mendez cruz calvo gallego herrera márquez marquez peña pena flores cabrera campos vega
fuentes carrasco diez díez reyes caballero nieto aguilar pascual santana herrero montero lorenzo hidalgo
giménez gimenez ibáñez ibanez ferrer durán duran santiago benítez benitez vargas mora vicente arias carmona
crespo román roman pastor soto sáez saez velasco moya soler parra esteban bravo gallardo rojas
figueroa salazar mendoza aguirre contreras espinoza sandoval guzmán guzman valdez rivera acosta`;

const OTHER = `rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti de luca
mancini costa giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli
martini leone longo gentile martinelli vitale lombardo serra coppola de santis d'angelo marchetti parisi
villa conte ferraro fabbri bianco marini grasso valentini messina sala de angelis gatti pellegrini palumbo
silva santos ferreira pereira oliveira costa rodrigues martins jesus sousa fernandes gonçalves goncalves
gomes lopes marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares
vieira monteiro cardoso rocha raposo neves coelho cruz cunha pires ramos reis simões simoes antunes
de jong jansen de vries van den berg van dijk bakker janssen visser smit meijer de boer mulder de groot
bos vos peters hendriks van leeuwen dekker brouwer de wit dijkstra smits de graaf van der meer
andersson johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson
jonsson jansson hansson bengtsson lindberg lindqvist lundberg jensen nielsen hansen
pedersen andersen christensen larsen sørensen sorensen rasmussen jørgensen jorgensen petersen madsen
kristensen olsen thomsen christiansen poulsen johansen møller laursen andreasen korhonen virtanen
mäkinen makinen nieminen mäkelä makela hämäläinen hamalainen laine heikkinen koskinen järvinen jarvinen
nowak kowalski wiśniewski wisniewski wójcik wojcik kowalczyk kamiński kaminski lewandowski zieliński
zielinski szymański szymanski woźniak wozniak kaczmarek novák novak svoboda novotný novotny dvořák dvorak
černý cerny procházka prochazka kučera kucera nagy kovács kovacs tóth toth szabó szabo horváth horvath
varga kiss molnár molnar németh nemeth farkas balogh papp takács takacs juhász juhasz 
ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov volkov$
tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi wang li zhang liu
chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin kim lee park choi jung kang cho yoon jang
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly patel shah singh kumar sharma
gupta khan ahmed ali hussain rahman`;

/** All family names, lower case (multi-word names are matched word by word). */
export const SURNAMES: ReadonlySet<string> = new Set(
  [ENGLISH, GERMAN, FRENCH, SPANISH, OTHER].join(" ").split(/\s+/).filter(Boolean),
);
