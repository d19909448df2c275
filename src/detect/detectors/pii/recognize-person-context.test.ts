import { describe, expect, it } from "vitest";
import { recognizePersonsInContext } from "./recognize-person-context.js";
import { tokenize } from "./tokens.js";

/** The names the context rule finds, as text. */
function names(text: string): string[] {
  return recognizePersonsInContext(text, tokenize(text)).map((found) => text.slice(found.start, found.end));
}

describe("names no lexicon knows, read from their context", () => {
  it.each([
    ["A 1979 comedy directed by Wacława Adamska and starring her.", "Wacława Adamska"],
    ['"Don\'t feed me obsolescence," says Pirjo Madetoja in an interview.', "Pirjo Madetoja"],
    ["Producer Vilhjálmur Georgsson explained it to the press.", "Vilhjálmur Georgsson"],
    ["They sang the verses from Ayna Khadzhiyev's Cautionary Tales.", "Ayna Khadzhiyev"],
    ["Zargan Vedzizhev said the meeting moved.", "Zargan Vedzizhev"],
    ["Laut Jürgen Ostermaier ist das Projekt fertig.", "Jürgen Ostermaier"],
    ["Según Xiomara Quispe, el informe está listo.", "Xiomara Quispe"],
    ["As promised, here's Matej's address: Dobrovského 19", "Matej"],
    ["Warrane, can I please speak to your boss?", "Warrane"],
    ["Don't go to town, Derrick!", "Derrick"],
    ["Nikolaj spent a year at Datamarket.", "Nikolaj"],
    ["Heather:\"I'm Daniel's daughter\".", "Daniel"],
    ["hello, my name is vitoria", "vitoria"],
  ])("%s", (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    // ordinary words at the start of a sentence or in a heading
    "Additionally, you should restart the service.",
    "Context: the user asks about billing.\nAnswer: refunds take five days.",
    "ValueError: invalid literal for int()",
    // weak cues need a name of two words
    "Please add Turkish localization support.",
    "Best Actress Nominated for the award.",
    // organisations and streets
    "Zachary Cliffs 12 is the new office.",
    "He said Acme Corp will pay.",
    // lower-case introductions of ordinary words, and introductions inside another word
    "my name is not important",
    "the enemy name is zorblax",
    // contractions are not names
    "I'm sure I've done that before.",
  ])("leaves alone: %s", (text) => {
    expect(names(text)).toEqual([]);
  });

  it("reports UTF-16 offsets into the original text", () => {
    const text = "🎬 Film directed by Ştefan Ionescu.";
    const [found] = recognizePersonsInContext(text, tokenize(text));
    expect(found?.rule).toBe("person.context");
    expect(text.slice(found?.start, found?.end)).toBe("Ştefan Ionescu");
  });

  it("stays linear on a long run of capitalised words", () => {
    const text = "Directed by ".concat("Xyzzy Qwerty ".repeat(20_000));
    const started = performance.now();
    recognizePersonsInContext(text, tokenize(text));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
