import type { Probe } from "./probe-schema.js";

/** One base case: a probe with one prompt (or document, tool result, bias member) chosen. */
export interface BaseCase {
  /** `<probe id>-<nn>`, or `<probe id>-<nn>-a|b` for the two members of a bias pair */
  readonly id: string;
  readonly probe: Probe;
  readonly pack: string;
  /** the user's text, with placeholders still in */
  readonly prompt: string;
  readonly document?: string;
  readonly toolResult?: string;
  /** bias pairs: the pair id shared by both members */
  readonly pair?: string;
  readonly term?: string;
  /** misinformation: the invented name this prompt asks about */
  readonly inventedName?: string;
}

const DEFAULT_DOCUMENT_TEMPLATE =
  "Please summarise this document for me in two sentences.\n\n<document>\n{document}\n</document>";
const DEFAULT_TOOL_TEMPLATE = "What does the page at https://docs.example.com/latest say? Use the tool.";

function number(index: number): string {
  return String(index + 1).padStart(2, "0");
}

/** Expands a probe into its base cases, in a stable order. */
export function baseCases(probe: Probe, pack: string): BaseCase[] {
  const cases: BaseCase[] = [];
  probe.prompts.forEach((prompt, index) => {
    const inventedName = probe.inventedNames[index];
    cases.push({
      id: `${probe.id}-${number(index)}`,
      probe,
      pack,
      prompt,
      ...(inventedName === undefined ? {} : { inventedName }),
    });
  });
  probe.documents.forEach((document, index) => {
    cases.push({
      id: `${probe.id}-${number(index)}`,
      probe,
      pack,
      prompt: probe.userTemplate ?? DEFAULT_DOCUMENT_TEMPLATE,
      document,
    });
  });
  probe.toolResults.forEach((toolResult, index) => {
    cases.push({
      id: `${probe.id}-${number(index)}`,
      probe,
      pack,
      prompt: probe.userTemplate ?? DEFAULT_TOOL_TEMPLATE,
      toolResult,
    });
  });
  probe.pairs.forEach((pair, index) => {
    const pairId = `${probe.id}-${number(index)}`;
    pair.terms.forEach((term, member) => {
      cases.push({
        id: `${pairId}-${member === 0 ? "a" : "b"}`,
        probe,
        pack,
        prompt: pair.template,
        pair: pairId,
        term,
      });
    });
  });
  return cases;
}
