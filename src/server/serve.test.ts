import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { request } from "undici";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/index.js";
import { isRampartError } from "../core/index.js";
import { startServer } from "./serve.js";

function config(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "rampart-serve-"));
  writeFileSync(join(dir, "rampart.yaml"), ["storage:", "  url: sqlite:./rampart.db", ...lines].join("\n"));
  return loadConfig({ file: join(dir, "rampart.yaml"), env: {} });
}

describe("rampart serve", () => {
  it("refuses a port in use with port_in_use and leaves nothing running", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await startServer({
        loaded: config(["server:", "  host: 127.0.0.1", `  port: ${port}`]),
        logger: pino({ level: "silent" }),
      });
      expect.unreachable();
    } catch (error) {
      expect(isRampartError(error) && error.code).toBe("port_in_use");
      expect(String(error)).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it("refuses to start when a classifier model named by the policy cannot load, and says which folder", async () => {
    const missing = join(tmpdir(), "rampart-no-such-model-folder");
    await expect(
      startServer({
        loaded: config([
          "server:",
          "  host: 127.0.0.1",
          "  port: 0",
          "policy:",
          "  version: 1",
          "  input:",
          "    detectors:",
          "      onnx-classifier:",
          "        options:",
          `          modelDir: ${JSON.stringify(missing)}`,
        ]),
        logger: pino({ level: "silent" }),
      }),
    ).rejects.toThrow(missing);
  });

  it("refuses --demo on a non-loopback address", async () => {
    await expect(
      startServer({
        loaded: config(["server:", "  host: 0.0.0.0", "  port: 0"]),
        demo: true,
        logger: pino({ level: "silent" }),
      }),
    ).rejects.toThrow(/loopback/);
  });

  it("answers health and readiness, and finishes an in-flight request when it shuts down", async () => {
    const server = await startServer({
      loaded: config(["server:", "  host: 127.0.0.1", "  port: 0", "  shutdownTimeoutMs: 3000"]),
      demo: true,
      logger: pino({ level: "silent" }),
    });
    expect((await request(`${server.url}/healthz`)).statusCode).toBe(200);
    const ready = await request(`${server.url}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(((await ready.body.json()) as { status: string }).status).toBe("ready");
    // a slow answer (a long generation) is in flight when the shutdown starts
    const inFlight = request(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.demoKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "rampart-demo-long-3000",
        messages: [{ role: "user", content: "Tell me a long story." }],
      }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = server.close();
    const answer = await inFlight;
    expect(answer.statusCode).toBe(200);
    expect(((await answer.body.json()) as { choices: unknown[] }).choices).toHaveLength(1);
    await closing;
    await expect(request(`${server.url}/healthz`)).rejects.toThrow();
  });
});
