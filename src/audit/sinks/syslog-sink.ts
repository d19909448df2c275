import { createSocket } from "node:dgram";
import { connect, type Socket } from "node:net";
import type { AuditSink, SinkEvent } from "./sink.js";
import { syslogMessage } from "./syslog-format.js";

/** The largest UDP message sent; longer bodies are cut (RFC 5426 receivers need only 2048 bytes). */
export const MAX_UDP_MESSAGE_BYTES = 8192;
/** How long a TCP connect may take. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface SyslogSinkOptions {
  name: string;
  host: string;
  port: number;
  protocol: "udp" | "tcp";
  facility: number;
  render: (event: SinkEvent) => Record<string, unknown>;
}

/** Syslog (RFC 5424): one datagram per event over UDP (RFC 5426), octet-counted frames over TCP (RFC 6587). */
export function syslogSink(options: SyslogSinkOptions): AuditSink {
  const messages = (events: readonly SinkEvent[]) =>
    events.map((event) => syslogMessage(event, JSON.stringify(options.render(event)), options.facility));
  return options.protocol === "udp" ? udpSink(options, messages) : tcpSink(options, messages);
}

function udpSink(
  options: SyslogSinkOptions,
  messages: (events: readonly SinkEvent[]) => string[],
): AuditSink {
  const socket = createSocket(options.host.includes(":") ? "udp6" : "udp4");
  socket.unref();
  return {
    name: options.name,
    async deliver(events) {
      for (const message of messages(events)) {
        const bytes = Buffer.from(message, "utf8").subarray(0, MAX_UDP_MESSAGE_BYTES);
        await new Promise<void>((resolve, reject) => {
          socket.send(bytes, options.port, options.host, (error) => (error ? reject(error) : resolve()));
        });
      }
    },
    async close() {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}

function tcpSink(
  options: SyslogSinkOptions,
  messages: (events: readonly SinkEvent[]) => string[],
): AuditSink {
  let socket: Socket | undefined;
  const open = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const connection = connect({ host: options.host, port: options.port, timeout: CONNECT_TIMEOUT_MS });
      const failed = (error: Error) => {
        connection.destroy();
        reject(error);
      };
      connection.once("error", failed);
      connection.once("timeout", () =>
        failed(new Error(`syslog ${options.host}:${options.port}: connect timed out`)),
      );
      connection.once("connect", () => {
        connection.off("error", failed);
        connection.setTimeout(0);
        connection.on("error", () => connection.destroy());
        connection.on("close", () => {
          if (socket === connection) socket = undefined;
        });
        resolve(connection);
      });
    });
  return {
    name: options.name,
    async deliver(events) {
      socket ??= await open();
      const connection = socket;
      const frames = messages(events)
        .map((message) => `${Buffer.byteLength(message, "utf8")} ${message}`)
        .join("");
      await new Promise<void>((resolve, reject) => {
        connection.write(frames, "utf8", (error) => {
          if (error) {
            connection.destroy();
            reject(error);
          } else resolve();
        });
      });
    },
    async close() {
      socket?.end();
      socket = undefined;
    },
  };
}
