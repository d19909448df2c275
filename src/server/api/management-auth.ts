import type { FastifyReply, FastifyRequest } from "fastify";
import { RampartError, roleCan, roleScopes, type Scope } from "../../core/index.js";
import { type Authenticator, presentedKey } from "../../gateway/authenticator.js";
import type { Principal } from "../../gateway/principal.js";

declare module "fastify" {
  interface FastifyRequest {
    /** the admin principal of a management API call, set by `requireScope` */
    admin?: Principal;
  }
}

/**
 * A pre-handler that admits a management call when the admin key's role has one of the scopes.
 * Missing or bad key: 401. A role without the scope: 403 that names the scope it needs.
 */
export function requireScope(authenticator: Authenticator, ...needed: Scope[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = await authenticator.authenticate(presentedKey(request.headers));
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
