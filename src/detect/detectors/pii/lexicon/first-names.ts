/**
 * Common given names in English, German, French and Spanish (plus frequent Italian, Portuguese,
 * Dutch, Nordic and Central European ones seen in multilingual text). Written for Rampart from
 * general knowledge of common names; compact on purpose. Matched case-insensitively on words that
 * are capitalised in the text.
 */
const ENGLISH = `james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy
joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis harry oliver jake connor liam lucas owen isaac luke hunter caleb evan ian cole blake chase trevor
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail
alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
charlotte marie kayla alexis lori jane chloe ella mia ava lily zoe leah audrey claire lucy ellie stella hazel
violet aurora savannah brooklyn bella skylar paisley everly caroline nova genesis emilia kennedy maya willow kinsley
naomi aaliyah elena sarah ariana allison gabriella madelyn cora ruby eva serenity autumn adeline hailey gianna
valentina isla eliana quinn nevaeh ivy sadie piper lydia alexa josephine emery julia delilah arianna vivian kaylee
sophie brielle madeline peyton rylee clara hadley melanie mackenzie reagan adalynn liliana aubree jade katherine
isabelle natalia raelynn maria athena ximena arya leilani taylor faith rose kylie alexandra mary margaret lyla
ashley amaya eliza brianna bailey andrea khloe jasmine melody iris isabel norah annabelle valeria emerson adalyn
ryleigh eden emersyn anastasia kayla alyssa juliana charlie esther ariel cecilia valerie alina molly reese aliyah
lilly parker finley morgan sydney jordyn eloise trinity daisy kimberly lauren genevieve sara arabella harmony
erin kathleen tina tracy wendy dawn bonnie carrie tammy crystal rhonda holly gail joanne rita sherry sally
connie erica tiffany kristen jill kristin beth bethany jenna kara shannon april courtney whitney lindsey kelsey
marcus derek travis shawn curtis troy spencer seth mitchell dustin colin neil craig glenn barry dale lee wesley
stanley leonard earl jimmy clarence johnny todd tony dean allen martin calvin francis warren howard ricardo victor
edwin fred clifford marvin max leo dominic miles julian tristan jaxon levi asher grayson theodore hudson ezra
kenneth darren graham hugh ross stuart duncan angus fergus callum kieran declan rhys gareth owain dafydd siobhan
niamh aoife ciara sinead roisin maeve orla fiona eileen bridget colleen shauna moira kirsty ailsa morag isla
erik kim chris pat sam alex jamie robin casey riley avery cameron drew jesse dana lynn terry
caitlin maureen tilly alma leif katrine katie kate sophie abby abbie ashleigh bethan carys cerys eleanor harriet
imogen isobel jemima lottie matilda niamh phoebe poppy rosie tabitha tess tessa winifred agatha beatrix cordelia
marjorie mildred muriel nora norma pearl phyllis sylvia vera wanda yvonne marcia lorraine gwendolyn maxine
archie alfie barnaby bertie freddie gideon jasper rupert toby alistair cormac eamon fintan lorcan ruairi
desmond clive nigel trevor rodney derek geoffrey malcolm rowan tristram wilfred ambrose horace percy cecil
mathias mattias magnus leif ragnar sigurd torsten bjorn halvard eirik knut viggo katrine maren solveig
tove liv sigrid astrid hedda ingeborg ragnhild marit gunhild`;

const GERMAN = `hans peter klaus wolfgang jürgen dieter günter günther horst uwe manfred werner helmut gerhard heinz
karl walter rolf bernd frank thomas michael andreas stefan stephan markus christian martin matthias jan tobias
florian alexander sebastian daniel dominik philipp lukas lucas leon finn jonas paul felix maximilian luis elias noah
ben niklas moritz julian tim david jannik fabian simon marcel dennis sven torsten thorsten jörg ralf rainer holger
kai volker ulrich ulf detlef dirk lars oliver patrick robert johannes benedikt konstantin valentin vincent anton
emil theo henri oskar mats malte hannes till timo nils lennart jannis marlon erik mika linus friedrich heinrich
wilhelm otto ernst fritz kurt herbert hermann ludwig gustav egon siegfried norbert reinhard axel armin bodo eckhard
götz hartmut jens joachim lothar sascha steffen ingo knut henning carsten kersten arne björn gerd georg josef
sepp franz xaver alois johann leopold rupert ferdinand ursula renate monika petra sabine karin brigitte gabriele
ingrid helga gisela andrea claudia susanne birgit heike martina anja stefanie nicole sandra katrin kathrin julia
anna lena laura lea leonie lina marie sophie sofia emma hannah hanna mia emilia lara sarah sara johanna clara
klara charlotte luisa louisa amelie maja greta ida frieda frida mila ella paula nele lotta jana jasmin jessica
vanessa melanie christina christine daniela tanja silke sonja doris elke angelika barbara bärbel birte dagmar
edith elfriede elisabeth erika gertrud gudrun hannelore hildegard ilse inge irmgard jutta karla lieselotte
margarete marianne rosemarie rita ruth sieglinde traudl ulrike ute waltraud wiebke anke antje frauke friederike
franziska henrike janina jennifer kerstin larissa maike meike miriam nadine nina ramona regina sina svenja
theresa verena yvonne annika carina corinna jacqueline kristina mareike marlene merle pia ronja tabea vivien`;

const FRENCH = `jean pierre michel philippe alain nicolas christophe patrick daniel bernard éric eric frédéric frederic
laurent stéphane stephane david olivier pascal sébastien sebastien thierry julien christian jacques françois
francois gérard gerard rené rene guillaume antoine thomas maxime alexandre romain vincent mathieu matthieu
jérôme jerome emmanuel fabrice franck didier denis claude yves serge gilles bruno hervé herve dominique benoît
benoit arnaud cédric cedric damien florent grégory gregory jérémy jeremy ludovic mickaël mickael sylvain xavier
yannick lucas hugo louis gabriel arthur raphaël raphael jules adam léo leo nathan ethan noah mathis théo theo
tom baptiste clément clement quentin valentin adrien corentin loïc loic killian kylian enzo axel mathéo timothée
marie nathalie isabelle sylvie catherine françoise francoise christine monique valérie valerie sandrine
véronique veronique sophie stéphanie stephanie céline celine nicole chantal martine brigitte patricia anne
caroline aurélie aurelie émilie emilie julie camille laura manon chloé chloe léa lea emma inès ines jade louise
alice lina rose anna ambre juliette léna lena zoé zoe lucie charlotte mathilde pauline marine océane oceane
élodie elodie virginie delphine laetitia karine florence hélène helene agnès agnes béatrice beatrice danielle
jacqueline josiane madeleine geneviève genevieve simone yvette colette odette ginette jeannine mireille
bernadette élise elise margaux clémence clemence apolline capucine maëlle maelle anaïs anais clara eva
solène solene amandine audrey justine mélanie melanie morgane noémie noemie amélie amelie cécile cecile
gaëlle gaelle gwenaëlle nadia yasmine sarah léon marcel henri andré andre rené lucien georges maurice
roger raymond fernand gaston étienne etienne félix felix bastien gaëtan gaetan aurélien aurelien jonathan
kevin anthony benjamin dylan florian jordan rémi remi sacha samuel simon tristan victor yann`;

const SPANISH = `josé jose antonio manuel francisco juan david javier daniel carlos jesús jesus alejandro miguel
rafael pedro pablo ángel angel sergio fernando jorge luis alberto álvaro alvaro diego adrián adrian raúl raul
enrique ramón ramon vicente iván ivan rubén ruben óscar oscar andrés andres joaquín joaquin santiago eduardo
víctor victor roberto jaime mario ignacio alfonso salvador ricardo marcos jordi emilio julián julian guillermo
gabriel tomás tomas agustín agustin gonzalo hugo martín martin lucas mateo leo nicolás nicolas samuel aitor
iker unai asier gorka xabier mikel íñigo inigo borja álex alex marc pau pol arnau oriol sergi xavier joan josep
cristian héctor hector esteban felipe rodrigo sebastián sebastian matías matias emiliano benjamín benjamin
maría maria carmen ana isabel dolores pilar teresa rosa josefa francisca laura antonia elena mercedes lucía
lucia concepción concepcion manuela cristina paula raquel marta rocío rocio sara beatriz silvia patricia
encarnación encarnacion julia montserrat irene nuria mónica monica alba andrea rosario sonia inmaculada
amparo noelia sandra yolanda marina ángela angela esther eva natalia claudia verónica veronica susana alicia
lorena inés ines sofía sofia valentina martina daniela carla emma valeria jimena ximena camila luciana
catalina guadalupe adriana gabriela mariana fernanda renata regina victoria elisa miriam nerea ainhoa leire
itziar amaia idoia maite aitana marta olga gloria lourdes milagros esperanza remedios consuelo soledad
ángeles angeles margarita beatriz begoña begona macarena cayetana almudena covadonga rocío paloma blanca`;

const OTHER_EUROPEAN = `giovanni giuseppe marco luca andrea francesco alessandro matteo lorenzo davide riccardo federico
stefano roberto paolo massimo fabio simone emanuele antonio salvatore vincenzo giorgio sergio mario enrico
giulia chiara francesca sara martina alessia elisa federica valentina silvia giovanna anna maria rosa lucia
paola laura elena roberta sofia giorgia aurora ginevra beatrice tommaso pietro
joão joao pedro tiago rafael gonçalo goncalo rodrigo duarte afonso miguel bruno rui nuno ricardo vítor vitor
inês ines beatriz mariana leonor matilde carolina ana francisca joana rita catarina margarida luana
jan piet kees henk willem johannes cornelis gerrit hendrik bram daan sem lars ruben thijs jeroen niels
sanne femke anouk lotte lieke fleur iris eva anne marieke ingrid
lars anders erik nils olof magnus johan per karl sven gustav oskar axel henrik mikael jonas fredrik mats
anna eva maria karin kristina sara elin emma ida linnea maja ebba astrid ingrid sigrid freja frida
søren soren mads rasmus niels jens kasper mikkel frederik mette camilla signe lin trine
pekka matti juha jukka mikko timo antti jari heikki kari ville tuomas aino aila anne sari kaisa liisa
tuula minna johanna päivi paivi hanna
piotr paweł pawel tomasz marcin michał michal krzysztof jakub łukasz lukasz kamil bartosz mateusz
anna katarzyna małgorzata malgorzata agnieszka barbara ewa joanna magdalena zofia
jiří jiri petr tomáš tomas josef pavel martin jaroslav kateřina katerina tereza lucie eliška eliska
lászló laszlo istván istvan józsef jozsef zoltán zoltan gábor gabor ferenc attila bence ádám
ágnes agnes katalin erzsébet erzsebet éva zsófia zsofia réka reka
ivan dmitri sergei andrei alexei nikolai vladimir mikhail olga natasha tatiana svetlana irina anastasia
mohammed muhammad ahmed ali omar yusuf hassan hussein ibrahim mustafa fatima aisha layla zainab mariam
hiroshi takashi kenji yuki akira sakura haruto yuto wei li ming chen jun hui mei priya raj amit
arjun ravi sunil anil deepak pooja neha anjali kavya gregory`;

/** All given names, lower case. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [ENGLISH, GERMAN, FRENCH, SPANISH, OTHER_EUROPEAN].join(" ").split(/\s+/).filter(Boolean),
);
