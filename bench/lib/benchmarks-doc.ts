import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * docs/benchmarks.md is written by several scripts. Each owns one section, delimited by
 * `<!-- section:NAME -->` and `<!-- /section:NAME -->`; updating a section leaves the others alone.
 */
export const BENCHMARKS_DOC = new URL("../../docs/benchmarks.md", import.meta.url);

export function updateBenchmarksSection(name: string, markdown: string, file: URL = BENCHMARKS_DOC): void {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** Renders rows as a Markdown table; numbers are printed as given. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
