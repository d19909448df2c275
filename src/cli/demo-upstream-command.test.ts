import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { registerDemoUpstreamCommand } from "./demo-upstream-command.js";
import { type CliIo, newProgram, reportError } from "./program.js";

/** Runs the command as runCli does, with only this command registered (others may be in progress). */
async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = newProgram("0.0.0-test", io);
  registerDemoUpstreamCommand(program, {
    io,
    debug: false,
    setExitCode: (code) => (exitCode = Math.max(exitCode, code)),
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io, false);
  }
}

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
    isTty: false,
  };
}

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("timed out waiting");
}

describe("rampart demo-upstream", () => {
  it("starts the simulator, prints its URL, serves, and stops on SIGINT", async () => {
    const io = captureIo();
    const running = runCli(["demo-upstream", "--port", "0", "--latency-ms", "0"], io);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(io.out.join(""))?.[1]);
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "rampart-demo", messages: [{ role: "user", content: "ping" }] }),
    });
    expect(response.status).toBe(200);
    expect(io.out.join("")).toContain(`OpenAI base URL: ${url}/v1`);
    process.emit("SIGINT");
    expect(await running).toBe(0);
    expect(io.out.join("")).toContain("stopped on SIGINT");
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it("exits 2 with one line when the port is in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    try {
      const io = captureIo();
      expect(await runCli(["demo-upstream", "--port", String(address.port)], io)).toBe(2);
      const lines = io.err.join("").trimEnd().split("\n");
      expect(lines).toEqual([`rampart: port ${address.port} on 127.0.0.1 is already in use`]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("exits 2 on a bad port or an unknown profile", async () => {
    const badPort = captureIo();
    expect(await runCli(["demo-upstream", "--port", "99999"], badPort)).toBe(2);
    expect(badPort.err.join("")).toContain("--port must be a whole number");
    const badProfile = captureIo();
    expect(await runCli(["demo-upstream", "--port", "0", "--profile", "nope"], badProfile)).toBe(2);
    expect(badProfile.err.join("")).toContain('unknown simulator profile "nope"');
  });
});
