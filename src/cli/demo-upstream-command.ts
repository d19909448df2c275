import type { Command } from "commander";
import { RampartError } from "../core/errors.js";
import { profileNames, startSimulator } from "../simulator/index.js";
import type { CliContext } from "./program.js";

interface DemoUpstreamOptions {
  port: number;
  host: string;
  profile: string;
  latencyMs: number;
  chunkDelayMs: number;
}

/** Parses a whole number flag within bounds; anything else is a usage error. */
function wholeNumber(flag: string, max: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number > max) {
      throw new RampartError("usage", `${flag} must be a whole number from 0 to ${max}, got "${value}"`);
    }
    return number;
  };
}

/** Resolves with the name of the first SIGINT or SIGTERM, and removes its listeners. */
function untilStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInterrupt);
      process.off("SIGTERM", onTerminate);
      resolve(signal);
    };
    const onInterrupt = () => stop("SIGINT");
    const onTerminate = () => stop("SIGTERM");
    process.on("SIGINT", onInterrupt);
    process.on("SIGTERM", onTerminate);
  });
}

export function registerDemoUpstreamCommand(program: Command, context: CliContext): void {
  program
    .command("demo-upstream")
    .description(
      "run the deterministic OpenAI-compatible model simulator (for demos, tests and red-team practice)",
    )
    .option("-p, --port <n>", "port to listen on (0 picks a free one)", wholeNumber("--port", 65_535), 8788)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--profile <name>", `behaviour profile: ${profileNames().join(", ")}`, "default")
    .option(
      "--latency-ms <n>",
      "delay before the first byte of every answer",
      wholeNumber("--latency-ms", 600_000),
      0,
    )
    .option("--chunk-delay-ms <n>", "delay between stream chunks", wholeNumber("--chunk-delay-ms", 60_000), 0)
    .action(async (options: DemoUpstreamOptions) => {
      const simulator = await startSimulator({
        host: options.host,
        port: options.port,
        profile: options.profile,
        latencyMs: options.latencyMs,
        chunkDelayMs: options.chunkDelayMs,
      });
      const stopped = untilStopSignal();
      context.io.stdout(
        `Rampart model simulator (profile ${simulator.profile}) listening on ${simulator.url}\n` +
          `OpenAI base URL: ${simulator.baseUrl}\nPress Ctrl+C to stop.\n`,
      );
      const signal = await stopped;
      await simulator.close();
      context.io.stdout(`stopped on ${signal}\n`);
    });
}
