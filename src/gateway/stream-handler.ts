// TEMPORARY (not committed)
import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError } from "../core/index.js";
import type { GatewayDependencies } from "./gateway-context.js";
import type { GuardContext } from "./guard.js";
import type { RequestRecord } from "./request-record.js";
import type { Route } from "./upstream-router.js";

export async function streamChat(
  _d: GatewayDependencies,
  _q: FastifyRequest,
  _r: FastifyReply,
  _rec: RequestRecord,
  _route: Route,
  _body: unknown,
  _c: GuardContext,
  _o: { clientWantsUsage: boolean; abort: AbortController; kind: "chat" | "completion" },
): Promise<void> {
  throw new RampartError("invalid_request", "streaming not wired yet");
}
