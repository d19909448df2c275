import { hostname } from "node:os";

/** Names this process's chain when several processes share one store. */
export const NODE_ID_VARIABLE = "RAMPART_NODE_ID";

/** Characters a node id may not hold, replaced by '-'. */
const NOT_NODE_CHARACTER = /[^a-z0-9._-]/gi;

/** RAMPART_NODE_ID, else the host name (made safe), else `node`. */
export function defaultNodeId(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[NODE_ID_VARIABLE]?.trim();
  if (given !== undefined && given !== "") return given;
  const fromHost = hostname()
    .replace(NOT_NODE_CHARACTER, "-")
    .replace(/^[^a-z0-9]+/i, "")
    .slice(0, 63);
  return fromHost === "" ? "node" : fromHost;
}
