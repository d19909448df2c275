/**
 * Value pools for the synthetic multilingual PII set. Written by hand for the evaluation; the
 * person names mix names that are in the detector's lexicons with names that are not (the report
 * gives the share), so the set does not only measure the lexicon against itself.
 */
export type Language = "en" | "de" | "fr" | "es";

export const FIRST_NAMES: Record<Language, readonly string[]> = {
  en: [
    "Oliver",
    "Amelia",
    "Harriet",
    "Declan",
    "Imogen",
    "Rupert",
    "Tamsin",
    "Gideon",
    "Ottilie",
    "Jasper",
    "Wendy",
    "Barnaby",
  ],
  de: [
    "Jürgen",
    "Annegret",
    "Hannelore",
    "Kunibert",
    "Wiebke",
    "Lutz",
    "Gesine",
    "Henning",
    "Ortwin",
    "Swantje",
    "Leonie",
    "Ruprecht",
  ],
  fr: [
    "Aurélie",
    "Gaspard",
    "Clémence",
    "Firmin",
    "Ségolène",
    "Baptiste",
    "Apolline",
    "Anatole",
    "Maëlys",
    "Honoré",
    "Lucie",
    "Timothée",
  ],
  es: [
    "Íñigo",
    "Macarena",
    "Rodrigo",
    "Almudena",
    "Fermín",
    "Itziar",
    "Gonzalo",
    "Remedios",
    "Baltasar",
    "Nerea",
    "Ximena",
    "Eusebio",
  ],
};

export const SURNAMES: Record<Language, readonly string[]> = {
  en: [
    "Whitmore",
    "Ashby",
    "Pemberton",
    "Hargreaves",
    "Fairfax",
    "Thornton",
    "Blackwood",
    "Kingsley",
    "Smith",
    "Holloway",
  ],
  de: [
    "Wagner",
    "Oberhuber",
    "Kleinschmidt",
    "Brandauer",
    "Lindemann",
    "Fuchs",
    "Eichhorn",
    "Pfefferkorn",
    "Hoffmann",
    "Zöllner",
  ],
  fr: [
    "Lefèvre",
    "Delacroix",
    "Beaumont",
    "Rousseau",
    "Marchetti",
    "Chevalier",
    "Duplessis",
    "Garnier",
    "Lemaire",
    "Vasseur",
  ],
  es: [
    "Etxeberria",
    "Castañeda",
    "Villanueva",
    "García",
    "Sepúlveda",
    "Iturralde",
    "Navarro",
    "Olmedo",
    "Quintana",
    "Barrientos",
  ],
};

export const CITIES: Record<Language, readonly string[]> = {
  en: ["Manchester", "Bristol", "Leeds", "Seattle", "Boston", "Edinburgh", "Denver", "Cardiff"],
  de: ["München", "Hamburg", "Leipzig", "Köln", "Dresden", "Freiburg", "Wien", "Graz"],
  fr: ["Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Strasbourg", "Lille", "Genève"],
  es: ["Sevilla", "Bilbao", "Zaragoza", "Málaga", "Valladolid", "Granada", "Salamanca", "Oviedo"],
};

export const COUNTRIES: Record<Language, readonly string[]> = {
  en: ["Ireland", "Canada", "Portugal", "Norway"],
  de: ["Österreich", "Schweiz", "Frankreich", "Italien"],
  fr: ["Belgique", "Suisse", "Espagne", "Italie"],
  es: ["Argentina", "Francia", "Portugal", "Chile"],
};

export const STREETS: Record<Language, readonly string[]> = {
  en: ["{n} Baker Street", "{n} Elm Avenue", "{n} Queen's Road", "{n} Harbour Lane"],
  de: ["Lindenstraße {n}", "Am Mühlweg {n}", "Goethestraße {n}", "Kirchplatz {n}"],
  fr: [
    "{n} rue de la République",
    "{n} avenue Victor Hugo",
    "{n} boulevard Haussmann",
    "{n} place du Marché",
  ],
  es: ["Calle Mayor {n}", "Avenida de la Constitución {n}", "Calle de Alcalá {n}", "Paseo de Gracia {n}"],
};

export const EMAIL_DOMAINS = [
  "example.com",
  "mail.example.org",
  "correo.example.es",
  "post.example.de",
  "courriel.example.fr",
];
