import { currentSession, type Session, signIn, signOut } from "@core/api/session";
import type { Scope } from "@core/roles";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, call, setCsrfToken } from "./api-client";

/** The signed-in session, or null when nobody is signed in (401). */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await call(currentSession);
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export async function signInWithKey(key: string): Promise<Session> {
  const session = await call(signIn, { body: { key } });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOutNow(): Promise<void> {
  try {
    await call(signOut);
  } finally {
    setCsrfToken(null);
  }
}

/** The session under the signed-in layout (its beforeLoad guarantees one). */
export function useSession(): Session {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error("useSession is used outside the signed-in layout");
  return data;
}

const scopeOwners: Partial<Record<Scope, string>> = {
  "keys:write": "admin",
  "policy:write": "admin or security",
  "incidents:write": "admin, security or owner",
  "containment:execute": "admin or security",
  "redteam:run": "admin or security",
  "governance:write": "admin or owner",
};

/**
 * Whether the signed-in role has a scope, with the reason to show on a disabled control. The UI asks
 * for scopes, never role names; the server enforces the same table (core roles.ts).
 */
export function useCan(scope: Scope): { can: boolean; reason: string } {
  const { data } = useQuery(sessionQuery);
  const can = data?.admin.scopes.includes(scope) ?? false;
  const owners = scopeOwners[scope];
  return { can, reason: can ? "" : `needs the ${scope} scope${owners ? ` (${owners} role)` : ""}` };
}
