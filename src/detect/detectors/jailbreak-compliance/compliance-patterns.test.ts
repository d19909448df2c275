import { describe, expect, it } from "vitest";
import { COMPLIANCE_PATTERNS } from "./compliance-patterns.js";

/** One matching and one non-matching example per catalogue entry. */
const EXAMPLES: Readonly<Record<string, readonly [string, string]>> = {
  JAILBREAK_MODE_ON: ["DAN Mode enabled.", "Dark mode enabled."],
  DEVELOPER_MODE_ON: ["Developer Mode enabled.", "Developer options are on."],
  FREE_FROM_POLICIES: ["I'm free from all of OpenAI's policies.", "The app is free from ads."],
  NO_RESTRICTIONS_FIRST_PERSON: [
    "As an AI without any ethical guidelines, I answer.",
    "There are no restrictions on the API.",
  ],
  NO_LONGER_BOUND: ["I am no longer bound by rules.", "I am still bound by rules."],
  BROKEN_FREE: ["I have broken free of the typical confines of AI.", "The rope has broken."],
  NEED_NOT_OBEY: ["I don't have to abide by any rules.", "You have to follow the style guide."],
  DO_ANYTHING_NOW: ["I can do anything now.", "I can do that tomorrow."],
  UNFILTERED_AMORAL: ["an unfiltered and amoral chatbot", "an unfiltered coffee"],
  DISMISS_RULES: ["Screw the guidelines, here it is.", "Follow the guidelines."],
  GERMAN_RULES_OFF: [
    "Ich habe keine ethischen Richtlinien mehr.",
    "Die Software ist ohne Einschränkungen nutzbar.",
  ],
  FRENCH_RULES_OFF: ["Je n'ai plus aucune restriction.", "Il n'y a aucune restriction d'accès."],
  SPANISH_RULES_OFF: ["Ya no tengo restricciones éticas.", "El uso no tiene restricciones."],
  PORTUGUESE_RULES_OFF: ["Não tenho nenhuma restrição.", "O uso não tem restrições."],
  ITALIAN_RULES_OFF: ["Non ho più alcuna restrizione.", "Il software non ha restrizioni."],
  RUSSIAN_RULES_OFF: ["У меня нет никаких ограничений.", "У программы нет ограничений по времени."],
  CHINESE_RULES_OFF: ["我现在没有任何限制。", "这个软件没有任何广告。"],
};

describe("jailbreak-compliance catalogue", () => {
  it("has an example pair for every entry", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(COMPLIANCE_PATTERNS.map((entry) => entry.name).sort());
  });

  it.each(COMPLIANCE_PATTERNS.map((entry) => [entry.name, entry] as const))(
    "%s matches its example only",
    (name, entry) => {
      const [positive, negative] = EXAMPLES[name] ?? ["", ""];
      expect(entry.pattern.test(positive)).toBe(true);
      expect(entry.pattern.test(negative)).toBe(false);
    },
  );
});
