import { z } from "zod";

/**
 * Roles of the management API and the dashboard, and what each may do. The server's pre-handlers
 * and the dashboard's `useCan(scope)` both read this one table; code asks for a scope, never for a
 * role name. docs/management-api.md renders it as the role-by-action matrix.
 */
export const managementRoles = ["admin", "security", "auditor", "owner"] as const;
export const managementRoleSchema = z.enum(managementRoles);
export type ManagementRole = z.infer<typeof managementRoleSchema>;

export const scopes = [
  "keys:read",
  "keys:write",
  "policy:read",
  "policy:write",
  "audit:read",
  "incidents:read",
  "incidents:write",
  "containment:execute",
  "redteam:read",
  "redteam:run",
  "governance:read",
  "governance:write",
] as const;
export type Scope = (typeof scopes)[number];

const readScopes = scopes.filter((scope) => scope.endsWith(":read"));

export const roleScopes: Readonly<Record<ManagementRole, readonly Scope[]>> = {
  /** everything, including key management and policy changes */
  admin: scopes,
  /** security operations: policy, incidents, containment, red team; reads keys and revokes them through containment */
  security: [...readScopes, "policy:write", "incidents:write", "containment:execute", "redteam:run"],
  /** reads everything, changes nothing */
  auditor: readScopes,
  /** business and risk owners: keep the governance records, read the rest */
  owner: [...readScopes, "governance:write", "incidents:write"],
};

export function roleCan(role: string, scope: Scope): boolean {
  const parsed = managementRoleSchema.safeParse(role);
  return parsed.success && roleScopes[parsed.data].includes(scope);
}
