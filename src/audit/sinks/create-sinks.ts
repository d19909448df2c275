import { isAbsolute, resolve } from "node:path";
import type { AuditSinkConfig } from "../../config/index.js";
import { fileSink } from "./file-sink.js";
import { toOcsf } from "./ocsf.js";
import { type AuditSink, rampartRecord } from "./sink.js";
import { syslogSink } from "./syslog-sink.js";
import { webhookSink } from "./webhook-sink.js";

/** Builds the configured sinks; relative file paths resolve against the configuration's folder. */
export function createSinks(configs: readonly AuditSinkConfig[], baseDir: string): AuditSink[] {
  return configs.map((config) => {
    const render = config.format === "ocsf" ? toOcsf : rampartRecord;
    if (config.type === "file") {
      return fileSink({
        name: config.name,
        path: isAbsolute(config.path) ? config.path : resolve(baseDir, config.path),
        render,
      });
    }
    if (config.type === "syslog") {
      return syslogSink({
        name: config.name,
        host: config.host,
        port: config.port,
        protocol: config.protocol,
        facility: config.facility,
        render,
      });
    }
    return webhookSink({
      name: config.name,
      url: config.url,
      headers: config.headers,
      timeoutMs: config.timeoutMs,
      render,
    });
  });
}
