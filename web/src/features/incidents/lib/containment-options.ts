import type { ContainmentAction, IncidentLinksView, PlaybookView } from "@core/api/incidents";
import { containmentActions } from "@core/api/incidents";
import type { ApiKeyView } from "@core/api/keys";

export interface ContainmentActionInfo {
  label: string;
  /** what the target is, for the field's label */
  targetLabel: string;
  /** what happens, stated plainly */
  effect: string;
  /** parameters the action needs besides the target */
  parameters: readonly { name: string; label: string; required: boolean }[];
}

export const containmentActionInfo: Readonly<Record<ContainmentAction, ContainmentActionInfo>> = {
  "revoke-key": {
    label: "Revoke key",
    targetLabel: "Key id",
    effect: "The key is revoked in the key store; its next request through the gateway answers 401.",
    parameters: [],
  },
  "block-principal": {
    label: "Block principal",
    targetLabel: "Key id or app:<name>",
    effect: "The gateway refuses every request of this key or app until the block is lifted.",
    parameters: [],
  },
  "raise-sensitivity": {
    label: "Raise sensitivity",
    targetLabel: "Policy section (role/app/model, or *)",
    effect:
      "Recorded as an active containment for the policy section. The gateway does not change detector sensitivity from it: change the policy too.",
    parameters: [
      { name: "category", label: "Category", required: false },
      { name: "level", label: "Level (low, medium or high)", required: false },
    ],
  },
  "route-to-fallback": {
    label: "Route to fallback",
    targetLabel: "Model",
    effect: "Requests for the model go to the fallback model until lifted.",
    parameters: [{ name: "fallback", label: "Fallback model", required: true }],
  },
  "disable-model": {
    label: "Switch model off",
    targetLabel: "Model",
    effect: "The gateway refuses the model until lifted.",
    parameters: [],
  },
};

export interface ContainmentOption {
  action: ContainmentAction;
  /** listed by the incident's playbook */
  inPlaybook: boolean;
  /** null when the role may run it; otherwise why not */
  playbookRefusal: string | null;
  /** targets taken from the incident's links */
  suggestedTargets: string[];
}

function keyIds(links: IncidentLinksView): string[] {
  return links.assets.filter((asset) => asset.startsWith("key:")).map((asset) => asset.slice(4));
}

function suggestions(
  action: ContainmentAction,
  links: IncidentLinksView,
  keys: readonly ApiKeyView[],
): string[] {
  const ids = keyIds(links);
  if (action === "revoke-key") return ids;
  if (action === "block-principal") {
    const apps = ids
      .map((id) => keys.find((key) => key.id === id)?.app)
      .filter((app): app is string => typeof app === "string")
      .map((app) => `app:${app}`);
    return [...new Set([...ids, ...apps])];
  }
  if (action === "raise-sensitivity") return ["*"];
  return [];
}

/**
 * Every containment action the API offers, the playbook's own first, each with the targets the
 * incident suggests and whether the playbook lets this role run it (the server checks the same).
 */
export function containmentOptions(
  playbook: PlaybookView | undefined,
  role: string,
  links: IncidentLinksView,
  keys: readonly ApiKeyView[],
): ContainmentOption[] {
  const listed = playbook?.containment ?? [];
  const options = containmentActions.map((action): ContainmentOption => {
    const entry = listed.find((item) => item.action === action);
    const allowed = entry === undefined || entry.roles.some((name) => name === role);
    return {
      action,
      inPlaybook: entry !== undefined,
      playbookRefusal: allowed
        ? null
        : `the ${playbook?.title ?? ""} playbook lets ${entry?.roles.join(" or ")} run this`,
      suggestedTargets: suggestions(action, links, keys),
    };
  });
  return [
    ...options.filter((option) => option.inPlaybook),
    ...options.filter((option) => !option.inPlaybook),
  ];
}

/**
 * What the person types to confirm: the key's name when the target is a known key, otherwise the
 * target itself (an app, a model, a policy section).
 */
export function confirmationPhrase(target: string, keys: readonly ApiKeyView[]): string {
  const trimmed = target.trim();
  return keys.find((key) => key.id === trimmed)?.name ?? trimmed;
}

export function confirmationMatches(typed: string, phrase: string): boolean {
  return phrase !== "" && typed.trim() === phrase;
}
