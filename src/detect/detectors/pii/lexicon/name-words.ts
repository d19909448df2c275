/**
 * Small word lists that steer the name and place recognisers: titles, name particles, suffixes,
 * capitalised words that are never names, and given names that are also common words.
 */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Titles before a name. Those in TITLES_NEED_DOT count only when followed by a dot (`M.`, `Sr.`). */
export const TITLES =
  words(`mr mrs ms miss mx dr prof sir lady lord herr frau fräulein m mme mlle monsieur madame
mademoiselle sr sra srta señor señora señorita don doña dña dra profesor profesora professor doktor docteur`);
export const TITLES_NEED_DOT = words("m sr sra srta dra");

/** Suffixes that belong to a name. */
export const NAME_SUFFIXES = words("jr sr md phd dds ii iii iv");

/** Capitalised words that are not names (sentence starts, days, months, pronouns, greetings, nouns). */
export const NOT_NAMES =
  words(`the a an this that these those my your his her our their its i we you he she they it
is are was were be been and or but if then so for with from to of in on at by as not no yes please thanks thank hi
hello dear hey ok okay what when where who why how which can could would should will may might must shall do does
did have has had get got let make also just only all any some each every there here after before while because
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today tomorrow yesterday mister street avenue road bank card account
customer user bot agent client team support company inc ltd llc gmbh corp university hospital school church
der die das ein eine und oder aber ich du er sie es wir ihr mein meine dein sein bitte danke hallo guten tag
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli oktober dezember
le la les un une des et ou mais je tu il elle nous vous ils elles mon ma mes bonjour merci oui non lundi mardi
mercredi jeudi vendredi samedi dimanche janvier février avril juin juillet août septembre octobre novembre
décembre el la los las un una y o pero yo tú él ella nosotros mi mis hola gracias sí lunes martes miércoles
jueves viernes sábado domingo enero febrero marzo mayo junio julio agosto septiembre octubre noviembre
diciembre english german french spanish deutsch français español inglés christmas easter god`);

/** Given names that are also common words: reported only with a family name or a context. */
export const AMBIGUOUS_FIRST_NAMES =
  words(`may will mark grace rose hope faith april june august bill max pat art ben
joy ruby jade iris lily daisy amber dawn summer autumn hunter chase parker taylor jordan austin paris victoria
florence georgia virginia carol sue penny rich frank earl dean miles lane guy roy drew gene van christian
angel rosa paz luz sol pilar mercedes dolores nieves rocío asunción encarnación consuelo soledad paloma
blanca alba dominique claude marine olive violet hazel ivy sky river brook rain storm august genesis nova
sara sofia emma lucas hugo leo louis jean simon thomas martin paul noel noël marie
jan jun claude alexa gemini siri cortana madison scott`);
