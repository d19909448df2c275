/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions and the files with the most
 * self time. Run: `npx tsx bench/load/summarize-cpu-profile.ts FILE.cpuprofile [top=10]`.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      children: z.array(z.number()).optional(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type Profile = z.infer<typeof profileSchema>;

export interface SelfTime {
  name: string;
  selfMs: number;
  share: number;
}

/** Shortens a script URL: the package name under node_modules, the path under the repository. */
export function shortLocation(url: string): string {
  if (url === "") return "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) return `npm:${url.slice(modules + "/node_modules/".length)}`;
  const source = url.search(/\/(dist|src)\//);
  if (source >= 0) return url.slice(source + 1);
  return url.replace(/^file:\/\//, "");
}

function selfTimesByNode(profile: Profile): Map<number, number> {
  const times = new Map<number, number>();
  // timeDeltas[i] is the time between sample i-1 and sample i; charge it to sample i
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    times.set(nodeId, (times.get(nodeId) ?? 0) + delta);
  });
  return times;
}

function frameName(frame: Profile["nodes"][number]["callFrame"]): string {
  const location = shortLocation(frame.url);
  return `${frame.functionName || "(anonymous)"} ${location}${frame.url === "" ? "" : `:${frame.lineNumber + 1}`}`;
}

/**
 * Inclusive (total) time of the repository's own functions (dist/ or src/): the samples whose
 * stack holds the function, each sample counted once per function even under recursion.
 */
function inclusiveTimes(profile: Profile, byNode: Map<number, number>): Map<string, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  for (const [nodeId, time] of byNode) {
    const seen = new Set<string>();
    // bounded by the depth of the tree (a node has one parent; the root has none)
    for (
      let current: number | undefined = nodeId, depth = 0;
      current !== undefined && depth < 10_000;
      depth += 1
    ) {
      const node = nodes.get(current);
      if (node === undefined) break;
      if (/\/(dist|src)\//.test(node.callFrame.url)) {
        const name = frameName(node.callFrame);
        if (!seen.has(name)) {
          seen.add(name);
          totals.set(name, (totals.get(name) ?? 0) + time);
        }
      }
      current = parents.get(current);
    }
  }
  return totals;
}

function top(groups: Map<string, number>, total: number, count: number): SelfTime[] {
  return [...groups.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([name, microseconds]) => ({ name, selfMs: microseconds / 1_000, share: microseconds / total }));
}

export interface ProfileSummary {
  functions: SelfTime[];
  files: SelfTime[];
  inclusive: SelfTime[];
  totalMs: number;
}

export function summarizeProfile(profile: Profile, count: number): ProfileSummary {
  const byNode = selfTimesByNode(profile);
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const time = byNode.get(node.id) ?? 0;
    if (time === 0) continue;
    total += time;
    const frame = node.callFrame;
    const location = shortLocation(frame.url);
    const name = frameName(frame);
    functions.set(name, (functions.get(name) ?? 0) + time);
    const file = location.startsWith("npm:")
      ? location
          .split("/")
          .slice(0, location.startsWith("npm:@") ? 2 : 1)
          .join("/")
      : location;
    files.set(file, (files.get(file) ?? 0) + time);
  }
  return {
    functions: top(functions, total, count),
    files: top(files, total, count),
    inclusive: top(inclusiveTimes(profile, byNode), total, count),
    totalMs: total / 1_000,
  };
}

function main(): void {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write("usage: summarize-cpu-profile.ts FILE.cpuprofile [top]\n");
    process.exitCode = 2;
    return;
  }
  const count = Math.max(1, Number(process.argv[3] ?? 10) || 10);
  const profile = profileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const summary = summarizeProfile(profile, count);
  const line = (item: SelfTime) =>
    `${item.selfMs.toFixed(0).padStart(8)} ms ${(item.share * 100).toFixed(1).padStart(5)} %  ${item.name}`;
  process.stdout.write(`total sampled ${summary.totalMs.toFixed(0)} ms\n\ntop functions by self time:\n`);
  process.stdout.write(`${summary.functions.map(line).join("\n")}\n\ntop files and packages by self time:\n`);
  process.stdout.write(
    `${summary.files.map(line).join("\n")}\n\nrepository functions by total (inclusive) time:\n`,
  );
  process.stdout.write(`${summary.inclusive.map(line).join("\n")}\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").at(-1) ?? ""))
  main();
