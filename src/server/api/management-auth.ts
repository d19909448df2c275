import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError, roleCan, roleScopes, type Scope } from "../../core/index.js";
import { type Authenticator, presentedKey } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
import { CSRF_HEADER, csrfMatches, type DashboardSessions, SESSION_COOKIE } from "./dashboard-sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    /** the admin principal of a management API call, set by `requireScope` */
    admin?: Principal;
  }
  interface FastifyInstance {
    /** the dashboard's sessions, when the dashboard session routes are registered */
    dashboardSessions?: DashboardSessions;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The admin behind a management call: an admin key in `Authorization: Bearer` (or `x-api-key`), or
 * else the dashboard session cookie. A session's writes must carry its CSRF token in `x-rampart-csrf`.
 * The session's key is re-authenticated on every call, so a revoked key ends its sessions at once.
 */
async function adminOf(request: FastifyRequest, authenticator: Authenticator): Promise<Principal> {
  const key = presentedKey(request.headers);
  const sessions = request.server.dashboardSessions;
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (key !== undefined || sessions === undefined || cookie === undefined)
    return authenticator.authenticate(key);
  const session = sessions.use(cookie);
  if (session === undefined)
    throw new RampartError(
      "unauthorized",
      "the dashboard session has expired or was signed out; sign in again",
    );
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(session, request.headers[CSRF_HEADER])) {
    throw new RampartError(
      "forbidden",
      `a write with the dashboard session needs its CSRF token in the ${CSRF_HEADER} header; reload the page`,
    );
  }
  try {
    return await authenticator.authenticate(session.key);
  } catch (error) {
    sessions.close(session.id);
    throw error;
  }
}

/**
 * A pre-handler that admits a management call when the admin's role has one of the scopes.
 * Missing or bad key or session: 401. A role without the scope: 403 that names the scope it needs.
 */
export function requireScope(authenticator: Authenticator, ...needed: Scope[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = await adminOf(request, authenticator);
    if (needed.length > 0 && !needed.some((scope) => roleCan(principal.role, scope))) {
      throw new RampartError(
        "forbidden",
        `this action needs the ${needed.join(" or ")} scope; role '${principal.role}' does not have it`,
      );
    }
    request.admin = principal;
  };
}

export function scopesOf(role: string): readonly Scope[] {
  return role in roleScopes ? roleScopes[role as keyof typeof roleScopes] : [];
}
