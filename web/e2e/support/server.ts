import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { request } from "undici";
import { loadConfig } from "../../../src/config/index.js";
import type { ManagementRole } from "../../../src/core/roles.js";
import { DEFAULT_DASHBOARD_ROOT } from "../../../src/server/dashboard.js";
import { type RunningServer, startServer } from "../../../src/server/serve.js";
import { createApiKeyRepository, issueApiKey } from "../../../src/store/index.js";

export interface E2eServer {
  server: RunningServer;
  url: string;
  /** the in-memory demo admin key */
  adminKey: string;
  /** the in-memory demo gateway key */
  gatewayKey: string;
  /** a stored admin key of the role */
  adminKeyFor(role: ManagementRole): Promise<string>;
  /**
   * Sends one user message through the gateway with an HTTP client (the demo gateway key and the
   * `rampart-demo` model unless given) and answers the HTTP status.
   */
  chat(content: string, options?: { key?: string; model?: string }): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real `rampart serve --demo` (the same startServer the CLI runs) on 127.0.0.1, SQLite in a temp
 * folder, serving the built dashboard from web/dist. `extraYaml` is appended to rampart.yaml.
 */
export async function startE2eServer(extraYaml = ""): Promise<E2eServer> {
  if (!existsSync(join(DEFAULT_DASHBOARD_ROOT, "index.html")))
    throw new Error(
      `the dashboard is not built (${DEFAULT_DASHBOARD_ROOT}); run \`npm run build:web\` first`,
    );
  const dir = mkdtempSync(join(tmpdir(), "rampart-e2e-"));
  const file = join(dir, "rampart.yaml");
  writeFileSync(
    file,
    ["server:", "  host: 127.0.0.1", "  port: 0", "storage:", "  url: sqlite:./rampart.db", extraYaml].join(
      "\n",
    ),
  );
  const server = await startServer({
    loaded: loadConfig({ file, env: {} }),
    demo: true,
    logger: pino({ level: "silent" }),
  });
  const keys = createApiKeyRepository(server.store.db);
  return {
    server,
    url: server.url,
    adminKey: server.demoAdminKey as string,
    gatewayKey: server.demoKey as string,
    adminKeyFor: async (role) =>
      (await issueApiKey(keys, { name: `${role} (e2e)`, kind: "admin", role })).key,
    chat: async (content, options = {}) => {
      const response = await request(`${server.url}/v1/chat/completions`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${options.key ?? server.demoKey}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          model: options.model ?? "rampart-demo",
          messages: [{ role: "user", content }],
        }),
      });
      await response.body.text();
      return response.statusCode;
    },
    close: () => server.close(),
  };
}
