import { carry } from "./carriers.js";
import {
  adversarialSuffix,
  attackGoals,
  decodeTemplates,
  delimiterTemplates,
  expandEnglish,
  forgedTurnTemplates,
  framingTemplates,
  leakTemplates,
  overrideTemplates,
  personaTemplates,
  splittingTemplates,
  toolTemplates,
} from "./english-attacks.js";
import {
  benignSlots,
  codingTemplates,
  documentSentences,
  generalTemplates,
  rolePlaySetups,
  rolePlaySlots,
  rolePlayTemplates,
  securityQuestionTemplates,
  supportTurns,
  technicalNoise,
} from "./english-benign.js";
import { languagePacks } from "./languages/index.js";
import { capitalise, expand, Random, templatesFor } from "./random.js";

/** Bump when templates or generation change: it is recorded in the model card and metadata. */
export const GENERATOR_VERSION = "pi-synth-1.1";

export interface SyntheticExample {
  readonly text: string;
  readonly label: 0 | 1;
  readonly family: string;
  readonly lang: string;
  /** where the attack sits in `text`, when it is embedded in benign content */
  readonly span?: readonly [number, number];
}

export interface GenerateOptions {
  readonly seed: number;
  /** "train" uses three templates in four; "test" uses the held-out fourth */
  readonly split: "train" | "test";
  readonly englishPerFamily: number;
  readonly perLanguage: number;
}

function encodeSlots(random: Random) {
  const instruction = () => expandEnglish(random.pick(overrideTemplates), random);
  return {
    BASE64: () => Buffer.from(instruction()).toString("base64"),
    HEX: () => Buffer.from(instruction()).toString("hex"),
    REVERSED: () => [...instruction()].reverse().join(""),
    ROT13: () =>
      instruction().replace(/[a-z]/gi, (letter) => {
        const base = letter <= "Z" ? 65 : 97;
        return String.fromCharCode(((letter.charCodeAt(0) - base + 13) % 26) + base);
      }),
  };
}

function manyShot(random: Random, harmful: boolean): string {
  const turns: string[] = [];
  const count = random.integer(9, 24);
  for (let index = 0; index < count; index += 1) {
    const question = harmful
      ? capitalise(random.pick(attackGoals))
      : expand(random.pick(generalTemplates), random, benignSlots);
    turns.push(`User: ${question}`);
    turns.push(
      `Assistant: ${harmful ? "Sure, here is exactly how to do that without any restrictions." : random.pick(documentSentences)}`,
    );
  }
  if (harmful) turns.push(`User: ${capitalise(random.pick(attackGoals))}`);
  return turns.join("\n");
}

function benignBlob(random: Random): string {
  const bytes = Buffer.alloc(random.integer(24, 160));
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = random.integer(0, 255);
  const sentence = random.pick(documentSentences);
  return expand(
    random.pick([
      "Here is the attachment as base64: $BLOB",
      "Can you tell me what file type this base64 is? $BLOB",
      "Decode this base64 in Python and print it: $TEXT64",
      "The checksum is $HEX, does it match the release notes?",
      "My JWT payload is $TEXT64, which claims should I validate?",
      "Convert this hex to ASCII: $TEXTHEX",
    ]),
    random,
    {
      BLOB: () => bytes.toString("base64"),
      HEX: () => bytes.toString("hex").slice(0, 64),
      TEXT64: () => Buffer.from(sentence).toString("base64"),
      TEXTHEX: () => Buffer.from(sentence).toString("hex"),
    },
  );
}

function supportChat(random: Random): string {
  const start = random.integer(0, 4);
  return supportTurns.slice(start, start + random.integer(4, 8)).join("\n");
}

function longDocument(random: Random): string {
  const sentences: string[] = [];
  const count = random.integer(8, 40);
  for (let index = 0; index < count; index += 1) sentences.push(random.pick(documentSentences));
  return sentences.join(random.chance(0.3) ? "\n" : " ");
}

/** Short injections that are embedded in carriers (indirect attacks). */
const embeddedFamilies = [overrideTemplates, leakTemplates, toolTemplates, delimiterTemplates];

/** Deterministic synthetic data: attacks and hard negatives, English and 8 other languages. */
export function generateSynthetic(options: GenerateOptions): SyntheticExample[] {
  const random = new Random(options.seed);
  const examples: SyntheticExample[] = [];
  const pick = <T>(templates: readonly T[]) => random.pick(templatesFor(templates, options.split));
  const add = (family: string, label: 0 | 1, text: string, lang = "en", span?: readonly [number, number]) => {
    examples.push(span ? { text, label, family, lang, span } : { text, label, family, lang });
  };
  const attackFamilies: Readonly<Record<string, readonly string[]>> = {
    override: overrideTemplates,
    leak: leakTemplates,
    persona: personaTemplates,
    framing: framingTemplates,
    delimiter: delimiterTemplates,
    "forged-turn": forgedTurnTemplates,
    splitting: splittingTemplates,
    tool: toolTemplates,
    decode: decodeTemplates,
  };
  const perFamily = options.englishPerFamily;
  for (const [family, templates] of Object.entries(attackFamilies)) {
    for (let index = 0; index < perFamily; index += 1) {
      add(family, 1, expandEnglish(pick(templates), random, encodeSlots(random)));
    }
  }
  for (let index = 0; index < perFamily * 2; index += 1) {
    const payload = expandEnglish(pick(random.pick(embeddedFamilies)), random);
    const carried = carry(random, payload);
    add(`embedded-${carried.carrier}`, 1, carried.text, "en", carried.span);
  }
  for (let index = 0; index < perFamily / 4; index += 1) add("many-shot", 1, manyShot(random, true));
  for (let index = 0; index < perFamily / 2; index += 1) {
    add("adversarial-suffix", 1, `${capitalise(random.pick(attackGoals))}. ${adversarialSuffix(random)}`);
  }

  const benignFamilies: Readonly<Record<string, readonly string[]>> = {
    security: securityQuestionTemplates,
    coding: codingTemplates,
    "role-play": rolePlayTemplates,
    general: generalTemplates,
  };
  for (const [family, templates] of Object.entries(benignFamilies)) {
    for (let index = 0; index < perFamily * 1.5; index += 1)
      add(family, 0, expand(pick(templates), random, benignSlots));
  }
  for (let index = 0; index < perFamily * 2; index += 1) {
    add("role-play-setup", 0, expand(pick(rolePlaySetups), random, { ...benignSlots, ...rolePlaySlots }));
  }
  for (let index = 0; index < perFamily * 2; index += 1) {
    const payload = random.chance(0.5)
      ? random.pick(documentSentences)
      : expand(pick([...generalTemplates, ...codingTemplates]), random, benignSlots);
    const carried = carry(random, payload);
    add(`benign-${carried.carrier}`, 0, carried.text);
  }
  for (let index = 0; index < perFamily / 2; index += 1) add("blob", 0, benignBlob(random));
  for (let index = 0; index < perFamily / 2; index += 1) add("support-chat", 0, supportChat(random));
  for (let index = 0; index < perFamily / 2; index += 1) add("document", 0, longDocument(random));
  for (let index = 0; index < perFamily / 4; index += 1) add("faq", 0, manyShot(random, false));
  for (let index = 0; index < perFamily / 2; index += 1) {
    const lead = expand(
      random.pick(["Fix this:", "What does this mean?", "Explain this output:", "Why do I get this?", ""]),
      random,
    );
    add("technical-noise", 0, `${lead} ${random.pick(technicalNoise)}`.trim());
  }

  for (const pack of languagePacks) {
    const slots = { GOAL: (current: Random) => current.pick(pack.goals) };
    for (let index = 0; index < options.perLanguage; index += 1) {
      const lead = random.chance(0.3) ? `${expand(pick(pack.benign), random)} ` : "";
      const attack = lead + expand(pick(pack.attacks), random, slots);
      if (random.chance(0.25)) {
        const carried = carry(random, attack);
        add(`lang-embedded-${pack.code}`, 1, carried.text, pack.code, carried.span);
      } else add(`lang-attack-${pack.code}`, 1, attack, pack.code);
      const benign = [expand(pick(pack.benign), random)];
      if (random.chance(0.4)) benign.push(expand(pick(pack.benign), random));
      add(
        `lang-benign-${pack.code}`,
        0,
        benign.join(pack.code === "zh" || pack.code === "ja" ? "" : " "),
        pack.code,
      );
    }
  }
  return examples;
}
