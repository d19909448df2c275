import type { Command } from "commander";
import { loadConfig } from "../config/index.js";
import { RampartError } from "../core/index.js";
import { startServer } from "../server/serve.js";
import type { CliContext } from "./program.js";

interface ServeFlags {
  config?: string;
  port?: string;
  demo?: boolean;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RampartError("usage", `--port must be a number from 0 to 65535, got '${text}'`);
  }
  return port;
}

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("start the gateway (OpenAI-compatible /v1), the management API and health endpoints")
    .option("-c, --config <file>", "configuration file (default: ./rampart.yaml when present)")
    .option("-p, --port <port>", "port to listen on (overrides server.port)")
    .option(
      "--demo",
      "start the built-in model simulator and route to it; accepts the demo key (loopback only)",
    )
    .action(async (flags: ServeFlags) => {
      const loaded = loadConfig({ file: flags.config });
      const server = await startServer({ loaded, demo: flags.demo === true, port: parsePort(flags.port) });
      const lines = [`Rampart is listening on ${server.url}`];
      if (server.demoKey !== undefined) {
        lines.push(
          "Demo mode: requests go to the built-in model simulator.",
          `Try: curl ${server.url}/v1/chat/completions -H 'Authorization: Bearer ${server.demoKey}' \\`,
          `       -H 'Content-Type: application/json' -d '{"model":"rampart-demo","messages":[{"role":"user","content":"Hello"}]}'`,
        );
      }
      if (loaded.config.dashboard.enabled) lines.push(`Dashboard: ${server.url}/`);
      if (server.demoAdminKey !== undefined)
        lines.push(`Demo admin key (dashboard sign-in, management API): ${server.demoAdminKey}`);
      context.io.stderr(`${lines.join("\n")}\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          server.app.log.info({ signal }, "shutting down: finishing in-flight requests");
          server.close().then(resolve, (error: unknown) => {
            server.app.log.error({ err: error }, "shutdown failed");
            resolve();
          });
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
