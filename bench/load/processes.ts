import { type ChildProcess, execFile, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/** Child processes of the benchmark (model simulator, gateway, load generator) and their end. */

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** everything the child wrote so far (bounded), for error messages */
  output(): string;
  /** resolves with the exit code (or signal name) */
  readonly exited: Promise<string>;
}

/** The most output kept per child. */
const MAX_OUTPUT_CHARS = 200_000;

export function startChild(name: string, command: string, args: readonly string[], cwd: string): Child {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? String(code)));
    child.once("error", (error) => resolve(`spawn error: ${error.message}`));
  });
  return { name, process: child, output: () => output, exited };
}

/** Waits until the child's output matches `pattern` and returns the first group; bounded by `timeoutMs`. */
export async function waitForOutput(child: Child, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void child.exited.then(() => {
    done = true;
  });
  while (Date.now() < deadline) {
    const match = pattern.exec(child.output());
    if (match !== null) return match[1] ?? match[0];
    if (done) break;
    await sleep(50);
  }
  throw new Error(
    `${child.name} did not print ${pattern} within ${timeoutMs} ms:\n${child.output().slice(-2_000)}`,
  );
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
export async function stopChild(child: Child, graceMs = 5_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const stopped = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!stopped) {
    child.process.kill("SIGKILL");
    await Promise.race([child.exited, sleep(2_000)]);
  }
}

/** Runs a command to its end (bounded) and returns stdout; rejects with stderr on failure. */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error !== null)
          reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
