import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { loadConfig } from "../../config/index.js";
import { type RunningServer, startServer } from "../../server/serve.js";
import { createApiKeyRepository, issueApiKey, type NewApiKey } from "../../store/index.js";
import type { ContentGuard } from "../guard.js";
import { type ScriptedUpstream, startScriptedUpstream } from "./scripted-upstream.js";

/** Models the scripted (misbehaving) upstream answers; everything else goes to the demo simulator. */
export const SCRIPTED_MODELS = [
  "malformed-json",
  "wrong-content-type",
  "huge-body",
  "stall-headers",
  "disconnect-mid-stream",
  "error-400",
  "error-401",
  "error-500",
  "scripted-ok",
];

export interface GatewayHarness {
  server: RunningServer;
  scripted: ScriptedUpstream;
  url: string;
  key(input?: Partial<NewApiKey>): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real `rampart serve --demo` on 127.0.0.1 with SQLite in a temp folder, the demo simulator, and a
 * scripted upstream for failure cases. `extraYaml` is appended to the configuration file.
 */
export async function startGatewayHarness(
  options: { guard?: ContentGuard; extraYaml?: string; bodyLimitBytes?: number } = {},
): Promise<GatewayHarness> {
  const scripted = await startScriptedUpstream();
  const dir = mkdtempSync(join(tmpdir(), "rampart-gateway-"));
  const file = join(dir, "rampart.yaml");
  writeFileSync(
    file,
    [
      "server:",
      "  host: 127.0.0.1",
      "  port: 0",
      `  bodyLimitBytes: ${options.bodyLimitBytes ?? 1048576}`,
      "storage:",
      "  url: sqlite:./rampart.db",
      "upstreams:",
      "  - name: scripted",
      `    url: ${scripted.url}`,
      "    timeoutMs: 1500",
      `    models: [${SCRIPTED_MODELS.join(", ")}]`,
      options.extraYaml ?? "",
    ].join("\n"),
  );
  const loaded = loadConfig({ file, env: {} });
  const server = await startServer({
    loaded,
    demo: true,
    logger: pino({ level: "silent" }),
    ...(options.guard ? { guard: options.guard } : {}),
  });
  const keys = createApiKeyRepository(server.store.db);
  return {
    server,
    scripted,
    url: server.url,
    key: async (input = {}) => (await issueApiKey(keys, { name: "test", ...input })).key,
    close: async () => {
      await server.close();
      await scripted.close();
    },
  };
}
