import { seededRandom } from "../../../src/detect/conformance-inputs.js";
import { CITIES, COUNTRIES, EMAIL_DOMAINS, FIRST_NAMES, type Language, STREETS, SURNAMES } from "./pools.js";
import { TEMPLATES } from "./templates.js";

/**
 * A synthetic multilingual PII set (en, de, fr, es), generated from a seed: the same seed gives the
 * same sentences and spans. Synthetic data: it measures the recognisers on clean, well-formed text.
 */
export interface GoldSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

export interface GeneratedSentence {
  readonly language: Language;
  readonly text: string;
  readonly spans: readonly GoldSpan[];
}

type Random = () => number;

function pick<Value>(random: Random, values: readonly Value[]): Value {
  return values[Math.floor(random() * values.length)] as Value;
}

function digits(random: Random, count: number): string {
  let out = "";
  for (let index = 0; index < count; index++) out += Math.floor(random() * 10).toString();
  return out;
}

/** ISO 13616 check digits for a BBAN in a country. */
function ibanFor(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => (letter.charCodeAt(0) - 55).toString());
  let remainder = 0;
  for (const character of numeric) remainder = (remainder * 10 + Number(character)) % 97;
  const check = (98 - remainder).toString().padStart(2, "0");
  return `${country}${check}${bban}`.replace(/(.{4})/g, "$1 ").trim();
}

const IBAN_COUNTRY: Record<Language, (random: Random) => string> = {
  en: (random) => ibanFor("GB", `NWBK${digits(random, 14)}`),
  de: (random) => ibanFor("DE", digits(random, 18)),
  fr: (random) => ibanFor("FR", digits(random, 23)),
  es: (random) => ibanFor("ES", digits(random, 20)),
};

const PHONE_FORMAT: Record<Language, (random: Random) => string> = {
  en: (random) =>
    random() < 0.5
      ? `+44 20 7946 ${digits(random, 4)}`
      : `+1 415-${2 + Math.floor(random() * 7)}${digits(random, 2)}-${digits(random, 4)}`,
  de: (random) =>
    random() < 0.5 ? `+49 30 ${digits(random, 8)}` : `030 ${digits(random, 4)} ${digits(random, 4)}`,
  fr: (random) =>
    random() < 0.5
      ? `+33 6 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`
      : `06 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`,
  es: (random) =>
    random() < 0.5
      ? `+34 612 ${digits(random, 3)} ${digits(random, 3)}`
      : `612 ${digits(random, 3)} ${digits(random, 3)}`,
};

function luhnCard(random: Random): string {
  const prefix = random() < 0.5 ? "4" : `5${1 + Math.floor(random() * 5)}`;
  const body = prefix + digits(random, 15 - prefix.length);
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    let value = Number(body.charAt(body.length - 1 - index));
    if (index % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  const card = body + ((10 - (sum % 10)) % 10).toString();
  return card.replace(/(\d{4})(?=\d)/g, "$1 ");
}

function asciiFold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Fills one template; returns the text and the spans of each filled slot. */
function fill(language: Language, template: string, random: Random): GeneratedSentence {
  const first = pick(random, FIRST_NAMES[language]);
  const last = pick(random, SURNAMES[language]);
  const values: Record<string, [string, string]> = {
    PERSON: [template.match(/(?:Mr\.|Frau|Herr|Mme|Sra\.) \{PERSON\}/) ? last : `${first} ${last}`, "PERSON"],
    CITY: [pick(random, CITIES[language]), "LOCATION"],
    COUNTRY: [pick(random, COUNTRIES[language]), "LOCATION"],
    STREET: [
      pick(random, STREETS[language]).replace("{n}", String(1 + Math.floor(random() * 120))),
      "LOCATION",
    ],
    PHONE: [PHONE_FORMAT[language](random), "PHONE"],
    IBAN: [IBAN_COUNTRY[language](random), "IBAN"],
    EMAIL: [`${asciiFold(first)}.${asciiFold(last)}@${pick(random, EMAIL_DOMAINS)}`, "EMAIL"],
    CARD: [luhnCard(random), "CREDIT_CARD"],
  };
  let text = "";
  const spans: GoldSpan[] = [];
  let cursor = 0;
  for (const match of template.matchAll(/\{([A-Z]+)\}/g)) {
    text += template.slice(cursor, match.index);
    const [value, type] = values[match[1] ?? ""] ?? ["", ""];
    spans.push({ type, start: text.length, end: text.length + value.length });
    text += value;
    cursor = match.index + match[0].length;
  }
  text += template.slice(cursor);
  return { language, text, spans };
}

export function generateMultilingualSet(seed: number, perLanguage: number): GeneratedSentence[] {
  const random = seededRandom(seed);
  const sentences: GeneratedSentence[] = [];
  for (const language of ["en", "de", "fr", "es"] as const) {
    for (let index = 0; index < perLanguage; index++) {
      sentences.push(fill(language, pick(random, TEMPLATES[language]), random));
    }
  }
  return sentences;
}
