/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions and the files with the most
 * self time, and the repository's own functions by total (inclusive) time. Shares are of the busy
 * time (all samples but "(idle)"). Samples are wall-clock: on a crowded machine, time the process
 * waited for a CPU is charged to whatever it was doing, often a system call such as writev.
 * Run: `npx tsx bench/load/summarize-cpu-profile.ts FILE.cpuprofile [top=10] [skip-ms=0]`
 * (skip-ms leaves out the first milliseconds of the profile: start-up and module loading).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const callFrameSchema = z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() });
const profileSchema = z.object({
  nodes: z.array(
    z.object({ id: z.number(), children: z.array(z.number()).optional(), callFrame: callFrameSchema }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof profileSchema>;

export interface TimeShare {
  name: string;
  ms: number;
  /** of the busy time */
  share: number;
}

export interface ProfileSummary {
  /** sampled wall time after skip-ms, idle included */
  sampledMs: number;
  idleMs: number;
  functions: TimeShare[];
  files: TimeShare[];
  inclusive: TimeShare[];
  /** self time by area (a detector, a gateway folder, a package, Node); native frames charged to their JS caller */
  areas: TimeShare[];
}

const IDLE = "(idle)";

/** Shortens a script URL: the package under node_modules, the path under the repository. */
export function shortLocation(url: string): string {
  if (url === "") return "(native)";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) return `npm:${url.slice(modules + "/node_modules/".length)}`;
  const source = url.search(/\/(dist|src)\//);
  if (source >= 0) return url.slice(source + 1);
  return url.replace(/^file:\/\//, "");
}

function frameName(frame: z.infer<typeof callFrameSchema>): string {
  const line = frame.url === "" ? "" : `:${frame.lineNumber + 1}`;
  return `${frame.functionName || "(anonymous)"} ${shortLocation(frame.url)}${line}`;
}

/** The package (npm:name or npm:@scope/name) or the file a location belongs to. */
function fileOf(location: string): string {
  if (!location.startsWith("npm:")) return location;
  return location
    .split("/")
    .slice(0, location.startsWith("npm:@") ? 2 : 1)
    .join("/");
}

/** Microseconds per node id; timeDeltas[i] is the time up to sample i, charged to sample i. */
function timeByNode(profile: CpuProfile, skipMs: number): Map<number, number> {
  const times = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < skipMs * 1_000) return;
    times.set(nodeId, (times.get(nodeId) ?? 0) + delta);
  });
  return times;
}

/** Total time of repository functions (dist/, src/): each sample counted once per function on its stack. */
function inclusiveTimes(profile: CpuProfile, byNode: Map<number, number>): Map<string, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  for (const [nodeId, time] of byNode) {
    const seen = new Set<string>();
    // bounded by the depth of the call tree
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

/** The area of a script: detector <id>, a folder of dist/ or src/, an npm package, or Node. */
export function areaOf(url: string): string | undefined {
  if (url === "") return undefined;
  if (url.includes("/node_modules/")) return fileOf(shortLocation(url));
  if (url.startsWith("wasm://")) return "wasm (undici's HTTP parser)";
  const detector = /\/(?:dist|src)\/detect\/detectors\/([^/]+)\//.exec(url);
  if (detector !== null) return `detector ${detector[1]}`;
  const folder = /\/(?:dist|src)\/((?:gateway\/(?:stream|tokens|limits|redaction)|[^/]+))\//.exec(url);
  if (folder !== null) return `rampart ${folder[1]}`;
  const location = shortLocation(url);
  if (location.startsWith("npm:")) return fileOf(location);
  if (location.startsWith("node:")) return "node core";
  return location;
}

/** Self time by area; a native frame (RegExp, writev) is charged to its nearest caller with a script. */
function areaTimes(profile: CpuProfile, byNode: Map<number, number>): Map<string, number> {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  for (const [nodeId, time] of byNode) {
    const leaf = nodes.get(nodeId);
    let area: string | undefined;
    for (
      let current: number | undefined = nodeId, depth = 0;
      current !== undefined && depth < 10_000;
      depth += 1
    ) {
      const node = nodes.get(current);
      if (node === undefined) break;
      area = areaOf(node.callFrame.url);
      if (area !== undefined) break;
      current = parents.get(current);
    }
    const name = area ?? leaf?.callFrame.functionName ?? "(unknown)";
    totals.set(name, (totals.get(name) ?? 0) + time);
  }
  return totals;
}

function top(groups: Map<string, number>, busy: number, count: number): TimeShare[] {
  return [...groups.entries()]
    .filter(([name]) => !name.startsWith(IDLE))
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([name, microseconds]) => ({ name, ms: microseconds / 1_000, share: microseconds / busy }));
}

export function summarizeProfile(profile: CpuProfile, count: number, skipMs = 0): ProfileSummary {
  const byNode = timeByNode(profile, skipMs);
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const time = byNode.get(node.id) ?? 0;
    if (time === 0) continue;
    total += time;
    if (node.callFrame.functionName === IDLE) idle += time;
    const name = frameName(node.callFrame);
    functions.set(name, (functions.get(name) ?? 0) + time);
    const file = node.callFrame.functionName === IDLE ? IDLE : fileOf(shortLocation(node.callFrame.url));
    files.set(file, (files.get(file) ?? 0) + time);
  }
  const busy = Math.max(1, total - idle);
  return {
    sampledMs: total / 1_000,
    idleMs: idle / 1_000,
    functions: top(functions, busy, count),
    files: top(files, busy, count),
    inclusive: top(inclusiveTimes(profile, byNode), busy, count),
    areas: top(areaTimes(profile, byNode), busy, 40),
  };
}

export function readCpuProfile(file: string): CpuProfile {
  return profileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export function renderSummary(summary: ProfileSummary): string {
  const line = (item: TimeShare) =>
    `${item.ms.toFixed(0).padStart(8)} ms ${(item.share * 100).toFixed(1).padStart(5)} %  ${item.name}`;
  return [
    `sampled ${summary.sampledMs.toFixed(0)} ms, of which idle ${summary.idleMs.toFixed(0)} ms; shares are of the busy time`,
    "",
    "top functions by self time:",
    ...summary.functions.map(line),
    "",
    "top files and packages by self time:",
    ...summary.files.map(line),
    "",
    "repository functions by total (inclusive) time:",
    ...summary.inclusive.map(line),
    "",
    "self time by area (native frames such as RegExp charged to their caller):",
    ...summary.areas.map(line),
  ].join("\n");
}

function main(): void {
  const [file, countText, skipText] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write("usage: summarize-cpu-profile.ts FILE.cpuprofile [top=10] [skip-ms=0]\n");
    process.exitCode = 2;
    return;
  }
  const count = Math.max(1, Number(countText ?? 10) || 10);
  const skipMs = Math.max(0, Number(skipText ?? 0) || 0);
  process.stdout.write(`${renderSummary(summarizeProfile(readCpuProfile(file), count, skipMs))}\n`);
}

if (process.argv[1]?.endsWith("summarize-cpu-profile.ts")) main();
