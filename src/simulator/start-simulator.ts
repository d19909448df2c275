import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RampartError } from "../core/errors.js";
import { createSimulatorHandler } from "./http-handler.js";
import { resolveSimulatorOptions, type SimulatorOptions } from "./options.js";

export interface RunningSimulator {
  /** the origin, for example `http://127.0.0.1:43123` */
  readonly url: string;
  /** the OpenAI base URL: `url` + `/v1` */
  readonly baseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly profile: string;
  /** stops accepting, closes idle and open connections, and resolves when the server is down */
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new RampartError("port_in_use", `port ${port} on ${host} is already in use`, { cause: error }),
        );
      } else {
        reject(
          new RampartError("usage", `cannot listen on ${host}:${port}: ${error.message}`, { cause: error }),
        );
      }
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(server.address() as AddressInfo);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** A host as it goes in a URL: IPv6 addresses in brackets. */
function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** Starts the model simulator on node:http; `port: 0` (the default) picks a free port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveSimulatorOptions(options);
  const server = createServer(createSimulatorHandler(options));
  const address = await listen(server, resolved.host, resolved.port);
  const url = `http://${urlHost(resolved.host)}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}/v1`,
    port: address.port,
    host: resolved.host,
    profile: resolved.profile.name,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
