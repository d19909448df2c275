import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ManagementChange } from "../../audit/index.js";
import { currentSession, type Me, signIn, signOut } from "../../core/api/session.js";
import type { Authenticator } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";
import { route } from "./contract-route.js";
import { type DashboardSessions, SESSION_COOKIE } from "./dashboard-sessions.js";
import { scopesOf } from "./management-auth.js";

export interface SessionRoutesOptions {
  admins: Authenticator;
  sessions: DashboardSessions;
  recordChange: (change: ManagementChange) => Promise<unknown>;
}

function meOf(principal: Principal): Me {
  return {
    keyId: principal.keyId,
    name: principal.keyName,
    role: principal.role,
    scopes: [...scopesOf(principal.role)],
  };
}

function cookieOptions(request: FastifyRequest) {
  // Secure whenever the browser reached us over TLS (directly, or through a proxy with trustProxy on)
  return { httpOnly: true, sameSite: "strict" as const, secure: request.protocol === "https", path: "/" };
}

/**
 * /api/v1/session: the dashboard exchanges an admin key for a session cookie and a CSRF token, reads
 * the session back after a reload, and signs out. Sign-in and sign-out are recorded in the audit trail.
 */
export async function sessionRoutes(app: FastifyInstance, options: SessionRoutesOptions): Promise<void> {
  const { admins, sessions, recordChange } = options;
  app.decorate("dashboardSessions", sessions);
  const idleTimeoutSeconds = Math.round(sessions.idleTimeoutMs / 1000);

  route(app, admins, signIn, async ({ body, request, reply }) => {
    const principal = await admins.authenticate(body.key);
    const session = sessions.open(body.key, principal);
    reply.setCookie(SESSION_COOKIE, session.id, cookieOptions(request));
    await recordChange({
      actor: { kind: "admin", id: principal.keyId, role: principal.role },
      action: "session.sign-in",
      target: { kind: "dashboard-session", id: principal.keyId },
    });
    return { admin: meOf(principal), csrfToken: session.csrfToken, idleTimeoutSeconds };
  });

  route(app, admins, currentSession, async ({ admin, request }) => {
    const cookie = request.cookies[SESSION_COOKIE];
    const viaKey = request.headers.authorization !== undefined || request.headers["x-api-key"] !== undefined;
    const session = viaKey ? undefined : sessions.use(cookie);
    return { admin: meOf(admin), csrfToken: session?.csrfToken ?? null, idleTimeoutSeconds };
  });

  route(app, admins, signOut, async ({ admin, request, reply }) => {
    const closed = sessions.close(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    if (closed) {
      await recordChange({
        actor: { kind: "admin", id: admin.keyId, role: admin.role },
        action: "session.sign-out",
        target: { kind: "dashboard-session", id: admin.keyId },
      });
    }
    return { signedOut: closed };
  });
}
