import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { type Child, runCommand, startChild, stopChild, waitForOutput } from "./processes.js";

/**
 * The processes under test: the model simulator (`rampart demo-upstream`, zero think time) and
 * the gateway (`rampart serve`) in front of it, each a process of its own, with a temporary
 * configuration, SQLite store and keys.
 */

export const BENCH_MODEL = "llama-3.1-8b-instruct";
const STARTUP_TIMEOUT_MS = 60_000;
const keySchema = z.object({ key: z.string().startsWith("rk_") });
const detectorsSchema = z.record(z.string(), z.object({ enabled: z.boolean().optional() }));
const policyAnswerSchema = z.object({
  policy: z.object({
    input: z.object({ detectors: detectorsSchema }),
    output: z.object({ detectors: detectorsSchema }),
    scanBudgetMs: z.number().optional(),
    failMode: z.string().optional(),
    stream: z.object({ mode: z.string(), windowChars: z.number() }).optional(),
  }),
});

export interface ActivePolicy {
  input: string[];
  output: string[];
  summary: string;
}

export interface BenchEnvironment {
  simulatorOrigin: string;
  gatewayOrigin: string;
  gatewayKey: string;
  adminKey: string;
  simulator: Child;
  gateway: Child;
  /** Date.now() when the gateway process was started (the start of its CPU profile) */
  gatewayStartedAt: number;
  close(): Promise<void>;
}

/** Compiles src/ to dist/ (type errors elsewhere may print; tsc still emits). */
export async function buildRampart(root: string): Promise<void> {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  await runCommand(process.execPath, [tsc, "-p", "tsconfig.build.json"], root, 300_000).catch(
    (error: unknown) => {
      process.stderr.write(
        `build reported problems (continuing with what it emitted): ${String(error).slice(0, 500)}\n`,
      );
    },
  );
  if (!existsSync(join(root, "dist", "cli", "main.js")))
    throw new Error("dist/cli/main.js is missing after the build");
}

async function createKey(root: string, configFile: string, extra: readonly string[]): Promise<string> {
  const output = await runCommand(
    process.execPath,
    ["bin/rampart.js", "keys", "create", "--name", "bench", ...extra, "--json", "--config", configFile],
    root,
    60_000,
  );
  return keySchema.parse(JSON.parse(output)).key;
}

export interface SetupOptions {
  root: string;
  /** run the gateway with --cpu-prof, writing the profile into this folder */
  cpuProfileDir?: string | undefined;
  /** the gateway's policy (rampart.yaml `policy:` inline); default: the built-in default policy */
  policy?: Record<string, unknown> | undefined;
}

export async function startEnvironment(options: SetupOptions): Promise<BenchEnvironment> {
  const { root } = options;
  const directory = await mkdtemp(join(tmpdir(), "rampart-bench-"));
  const children: Child[] = [];
  const close = async () => {
    for (const child of children.reverse()) await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const rampart = join(root, "bin", "rampart.js");
    const simulator = startChild(
      "simulator",
      process.execPath,
      [rampart, "demo-upstream", "--port", "0"],
      root,
    );
    children.push(simulator);
    const simulatorOrigin = await waitForOutput(
      simulator,
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      STARTUP_TIMEOUT_MS,
    );
    const configFile = join(directory, "rampart.yaml");
    // JSON is YAML: the configuration is written as JSON to avoid hand-quoting
    const config = {
      server: { host: "127.0.0.1", port: 0, logLevel: "warn" },
      storage: { url: `sqlite:${join(directory, "bench.db")}` },
      upstreams: [{ name: "simulator", url: `${simulatorOrigin}/v1`, models: ["*"] }],
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    };
    await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
    const gatewayKey = await createKey(root, configFile, []);
    const adminKey = await createKey(root, configFile, ["--admin", "--role", "auditor"]);
    const profileFlags =
      options.cpuProfileDir === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir];
    const gatewayStartedAt = Date.now();
    const gateway = startChild(
      "gateway",
      process.execPath,
      [...profileFlags, rampart, "serve", "--config", configFile],
      root,
    );
    children.push(gateway);
    const gatewayOrigin = await waitForOutput(
      gateway,
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      STARTUP_TIMEOUT_MS,
    );
    return {
      simulatorOrigin,
      gatewayOrigin,
      gatewayKey,
      adminKey,
      simulator,
      gateway,
      gatewayStartedAt,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The detectors that the gateway's effective policy runs (GET /api/v1/policy with an auditor key). */
export async function activePolicy(environment: BenchEnvironment): Promise<ActivePolicy> {
  const response = await fetch(`${environment.gatewayOrigin}/api/v1/policy`, {
    headers: { authorization: `Bearer ${environment.adminKey}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 200) throw new Error(`GET /api/v1/policy answered ${response.status}`);
  const { policy } = policyAnswerSchema.parse(await response.json());
  const enabled = (detectors: z.infer<typeof detectorsSchema>) =>
    Object.entries(detectors)
      .filter(([, setting]) => setting.enabled !== false)
      .map(([id]) => id)
      .sort();
  const stream =
    policy.stream === undefined ? "" : `, stream ${policy.stream.mode} window ${policy.stream.windowChars}`;
  return {
    input: enabled(policy.input.detectors),
    output: enabled(policy.output.detectors),
    summary: `fail mode ${policy.failMode ?? "?"}, scan budget ${policy.scanBudgetMs ?? "?"} ms${stream}`,
  };
}

/** CPU milliseconds (user + system) that a child process has used so far (Linux /proc; 0 elsewhere). */
export function cpuMsOf(child: Child): number {
  const pid = child.process.pid;
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // fields after the command name (which is in parentheses and may hold spaces)
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000) / 100; // USER_HZ is 100 on Linux
}
