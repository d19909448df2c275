#!/usr/bin/env node
// The dashboard's bundle budget: gzips the scripts and modulepreloads that web/dist/index.html
// references (what a first visit downloads before anything renders) and fails above the budget.
// The release bar is 350 KB; CI fails at 300 KB to leave headroom. Usage:
//   node web/scripts/bundle-budget.mjs [--json] [--budget-kb N]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** The initial JavaScript of the built dashboard: each file with its raw and gzipped size. */
export function initialScripts(root = dist) {
  let html;
  try {
    html = readFileSync(join(root, "index.html"), "utf8");
  } catch {
    throw new Error(`no ${join(root, "index.html")}: run \`npm run build:web\` first`);
  }
  const paths = new Set();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) paths.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) paths.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) paths.add(match[1]);
  return [...paths].map((path) => {
    const bytes = readFileSync(join(root, path.replace(/^\//, "")));
    return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budgetIndex = process.argv.indexOf("--budget-kb");
  const budgetKb = budgetIndex > 0 ? Number(process.argv[budgetIndex + 1]) : 300;
  const files = initialScripts();
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ files, totalGzip: total, budgetKb }, null, 2));
  } else {
    for (const file of files) console.log(`${(file.gzip / 1024).toFixed(1).padStart(7)} KB gz  ${file.path}`);
    console.log(`${(total / 1024).toFixed(1).padStart(7)} KB gz  initial JavaScript (budget ${budgetKb} KB)`);
  }
  if (files.length === 0) {
    console.error("bundle budget: index.html references no script; is the build broken?");
    process.exit(1);
  }
  if (total > budgetKb * 1024) {
    console.error(
      `bundle budget: the initial JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over the ${budgetKb} KB budget; split the new code into a lazy chunk (per route or React.lazy)`,
    );
    process.exit(1);
  }
}
