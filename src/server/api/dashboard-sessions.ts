import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Principal } from "../../gateway/principal.js";

export interface DashboardSession {
  readonly id: string;
  readonly csrfToken: string;
  /** the admin key the session was opened with; re-authenticated on every call, so a revocation ends the session */
  readonly key: string;
  readonly principal: Principal;
  readonly createdAt: number;
  lastSeenAt: number;
}

export interface DashboardSessionOptions {
  /** a session unused for this long ends; default 30 minutes */
  idleTimeoutMs?: number;
  /** a session ends this long after sign-in whatever its use; default 12 hours */
  absoluteTimeoutMs?: number;
  /** upper bound on live sessions; the least recently used is dropped beyond it; default 10,000 */
  maxSessions?: number;
  now?: () => number;
}

export const SESSION_COOKIE = "rampart_session";
export const CSRF_HEADER = "x-rampart-csrf";

/**
 * Dashboard sessions of one node, in memory: an admin key is exchanged for a random session id (the
 * cookie) and a CSRF token (sent back in a header on every write). Sessions end on sign-out, after
 * the idle timeout, after the absolute timeout, or when the node restarts; several nodes behind a load
 * balancer need sticky sessions (docs/dashboard.md).
 */
export class DashboardSessions {
  private readonly sessions = new Map<string, DashboardSession>();
  readonly idleTimeoutMs: number;
  private readonly absoluteTimeoutMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: DashboardSessionOptions = {}) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? 30 * 60_000;
    this.absoluteTimeoutMs = options.absoluteTimeoutMs ?? 12 * 60 * 60_000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  open(key: string, principal: Principal): DashboardSession {
    const now = this.now();
    const session: DashboardSession = {
      id: randomBytes(32).toString("base64url"),
      csrfToken: randomBytes(32).toString("base64url"),
      key,
      principal,
      createdAt: now,
      lastSeenAt: now,
    };
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return session;
  }

  /** The live session for a cookie value, touched (idle timer restarted); undefined when unknown or expired. */
  use(id: string | undefined): DashboardSession | undefined {
    if (id === undefined || id === "") return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.now();
    if (now - session.lastSeenAt > this.idleTimeoutMs || now - session.createdAt > this.absoluteTimeoutMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    // re-insert so that iteration order is least recently used first
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  close(id: string | undefined): boolean {
    return id !== undefined && this.sessions.delete(id);
  }

  /** Ends every session opened with this key id (the key was revoked or changed). */
  closeForKey(keyId: string): number {
    let closed = 0;
    for (const [id, session] of this.sessions) {
      if (session.principal.keyId === keyId) {
        this.sessions.delete(id);
        closed += 1;
      }
    }
    return closed;
  }

  get size(): number {
    return this.sessions.size;
  }
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(session: DashboardSession, presented: unknown): boolean {
  if (typeof presented !== "string") return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
