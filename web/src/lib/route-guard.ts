import type { Session } from "@core/api/session";
import type { Scope } from "@core/roles";
import { ApiError } from "./api-client";

/**
 * For a route's beforeLoad: a role without the page's scope gets the route's error view naming the
 * scope (the navigation already hides such pages; this covers typed-in and shared links).
 */
export function guardScope(session: Session, scope: Scope): void {
  if (!session.admin.scopes.includes(scope)) {
    throw new ApiError(
      403,
      "forbidden",
      `This page needs the ${scope} scope, which the ${session.admin.role} role does not have.`,
      null,
    );
  }
}
