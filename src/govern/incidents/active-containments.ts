import type { ContainmentRepository } from "../../store/repositories/incident-containment-repository.js";

/** What the gateway's admission check needs to know, read from the active containments. */
export interface ActiveContainments {
  /** key ids and `app:<name>` entries that must be refused */
  blockedPrincipals: ReadonlySet<string>;
  disabledModels: ReadonlySet<string>;
  /** model -> the model to route to instead */
  fallbacks: ReadonlyMap<string, string>;
  /** policy section -> parameters (e.g. category, level) */
  raisedSensitivity: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/**
 * `activeContainments()` for the gateway, cached for `cacheMs` (default 1 s) so the admission check
 * does not query the store on every request; `refresh()` drops the cache after a containment.
 */
export function createActiveContainments(
  containments: ContainmentRepository,
  options: { cacheMs?: number; now?: () => number } = {},
): { activeContainments(): Promise<ActiveContainments>; refresh(): void } {
  const cacheMs = options.cacheMs ?? 1000;
  const now = options.now ?? Date.now;
  let cached: { at: number; value: Promise<ActiveContainments> } | undefined;
  const load = async (): Promise<ActiveContainments> => {
    const active = await containments.listActive();
    const blockedPrincipals = new Set<string>();
    const disabledModels = new Set<string>();
    const fallbacks = new Map<string, string>();
    const raisedSensitivity = new Map<string, Readonly<Record<string, string>>>();
    for (const entry of active) {
      if (entry.action === "block-principal") blockedPrincipals.add(entry.target);
      if (entry.action === "disable-model") disabledModels.add(entry.target);
      if (entry.action === "route-to-fallback" && entry.parameters.fallback !== undefined)
        fallbacks.set(entry.target, entry.parameters.fallback);
      if (entry.action === "raise-sensitivity") raisedSensitivity.set(entry.target, entry.parameters);
    }
    return { blockedPrincipals, disabledModels, fallbacks, raisedSensitivity };
  };
  return {
    activeContainments() {
      if (cached === undefined || now() - cached.at >= cacheMs) {
        const value = load();
        cached = { at: now(), value };
        value.catch(() => {
          cached = undefined;
        });
      }
      return cached.value;
    },
    refresh() {
      cached = undefined;
    },
  };
}
