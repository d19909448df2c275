import { documentSentences, emailLines } from "./english-benign.js";
import { expand, type Random } from "./random.js";

/**
 * Carriers: the places where indirect injections hide (emails, web pages, code, CSV, JSON,
 * retrieved documents, tool results). Each carrier wraps a payload sentence in benign filler;
 * the same carriers with a benign payload are negatives, so the model learns the payload, not the carrier.
 */
export interface Carried {
  readonly text: string;
  /** UTF-16 span of the payload inside `text` */
  readonly span: readonly [number, number];
  readonly carrier: string;
}

const NAME_SLOTS = {
  NAME: (random: Random) => random.pick(["Anna", "Marco", "Priya", "Tom", "Lena", "Kenji", "Sofia", "David"]),
};

function filler(random: Random, count: number): string {
  const sentences: string[] = [];
  for (let index = 0; index < count; index += 1) sentences.push(random.pick(documentSentences));
  return sentences.join(" ");
}

function emailFiller(random: Random, count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1)
    lines.push(expand(random.pick(emailLines), random, NAME_SLOTS));
  return lines.join("\n");
}

type CarrierBuilder = (random: Random, payload: string) => { before: string; wrapped: string; after: string };

const carriers: Readonly<Record<string, CarrierBuilder>> = {
  email: (random, payload) => ({
    before: `From: ${random.pick(["billing@vendor.example", "anna@partner.example", "noreply@shop.example"])}\nSubject: ${random.pick(["Invoice", "Re: meeting", "Your order", "Update"])}\n\n${emailFiller(random, random.integer(1, 4))}\n`,
    wrapped: payload,
    after: `\n${emailFiller(random, random.integer(1, 3))}`,
  }),
  "html-comment": (random, payload) => ({
    before: `<html><body><h1>${random.pick(["Product review", "Travel blog", "Recipe"])}</h1><p>${filler(random, random.integer(1, 3))}</p><!-- `,
    wrapped: payload,
    after: ` --><p>${filler(random, random.integer(1, 2))}</p></body></html>`,
  }),
  "hidden-div": (random, payload) => ({
    before: `<div class="article"><p>${filler(random, random.integer(1, 3))}</p></div><div style="${random.pick(["display:none", "font-size:0", "color:white;opacity:0"])}">`,
    wrapped: payload,
    after: `</div><footer>${filler(random, 1)}</footer>`,
  }),
  "code-comment": (random, payload) => ({
    before: `def ${random.pick(["load_config", "parse_rows", "compute_total"])}(path):\n    # ${filler(random, 1)}\n    # `,
    wrapped: payload,
    after: `\n    with open(path) as handle:\n        return handle.read()\n`,
  }),
  "csv-row": (random, payload) => ({
    before: `id,name,comment\n1,${random.pick(["Alice", "Bob"])},Great service\n2,${random.pick(["Carol", "Dan"])},"`,
    wrapped: payload,
    after: `"\n3,Eve,Fast delivery\n`,
  }),
  "json-field": (random, payload) => ({
    before: `{"id": ${random.integer(1, 9999)}, "title": "${random.pick(["Quarterly report", "Support ticket", "Product"])}", "description": "`,
    wrapped: payload.replace(/"/g, "'").replace(/\n/g, " "),
    after: `", "status": "open"}`,
  }),
  "retrieved-document": (random, payload) => ({
    before: `[Document ${random.integer(1, 20)}] ${filler(random, random.integer(2, 5))} `,
    wrapped: payload,
    after: ` ${filler(random, random.integer(1, 4))}`,
  }),
  "tool-result": (random, payload) => ({
    before: `Tool result (${random.pick(["web_search", "read_file", "get_weather", "fetch_url"])}):\n${filler(random, random.integer(1, 3))}\n`,
    wrapped: payload,
    after: `\n${filler(random, random.integer(0, 2))}`,
  }),
};

export const carrierNames = Object.keys(carriers);

export function carry(random: Random, payload: string, name: string = random.pick(carrierNames)): Carried {
  const build = carriers[name] ?? carriers.email;
  if (!build) throw new Error("no carrier");
  const { before, wrapped, after } = build(random, payload);
  return {
    text: `${before}${wrapped}${after}`,
    span: [before.length, before.length + wrapped.length],
    carrier: name,
  };
}
