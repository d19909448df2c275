/**
 * High-impact tools, recognised from their definition: a tool whose name or description says that it
 * deletes or overwrites data, moves money, runs code or commands, changes access, or sends messages
 * or files to arbitrary recipients. OWASP LLM06 (excessive agency) asks for a person's approval
 * before such actions; with `tools.<rules>.highImpact: approve` (the default) the gateway blocks a
 * call of one that the request did not approve (`x-rampart-approve-tools`). The rules read the words
 * a tool author uses to describe the action, so an unusual wording can escape them: list such tools
 * in `destructive` by name.
 */

export type ToolImpact = "delete" | "payment" | "execute" | "access" | "outbound";

/** One class of high-impact action: the words of a name (split at _ - . and case) or a description. */
const IMPACT_RULES: readonly { impact: ToolImpact; pattern: RegExp }[] = [
  {
    impact: "delete",
    pattern:
      /\b(?:delete|deletes|remove|removes|drop|drops|truncate|purge|purges|wipe|wipes|erase|erases|destroy|destroys|overwrite|overwrites|revoke|revokes|cancel|cancels|terminate|terminates|uninstall|rm)\b/iu,
  },
  {
    impact: "payment",
    pattern:
      /\b(?:transfer|transfers|payment|payments|pay|pays|payout|refund|refunds|withdraw|withdraws|wire|charge|charges|purchase|purchases|funds)\b/iu,
  },
  {
    impact: "execute",
    pattern:
      /\b(?:shell|bash|exec|execute|executes|commands?|terminal|eval|run code|python code|sql|deploy|deploys|sudo|subprocess|spawn)\b/iu,
  },
  {
    impact: "access",
    pattern:
      /\b(?:grant|grants|privileges?|admin(?:istrator)? rights|change (?:the |a )?password|reset (?:the |a )?password|set role|add user|create user)\b/iu,
  },
  {
    impact: "outbound",
    pattern:
      /\b(?:send|sends|publish|publishes|tweet|upload|uploads|share|shares|forward|forwards|webhook)\b/iu,
  },
];

/** Only the first sentence of a description is read: where tool authors name the action. */
const DESCRIPTION_CHARS = 160;

/** Splits a tool name into words: delete_records, deleteRecords, delete-records -> "delete records". */
export function toolNameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, "$1 $2")
    .replace(/[_\-.:/]+/gu, " ")
    .toLowerCase();
}

/** The high-impact classes a tool belongs to, from its name and description (empty: ordinary). */
export function toolImpacts(name: string, description = ""): ToolImpact[] {
  const firstSentence = description.slice(0, DESCRIPTION_CHARS).split(/(?<=[.!?])\s/u)[0] ?? "";
  const text = `${toolNameWords(name)}\n${firstSentence}`;
  return IMPACT_RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.impact);
}

/** Names of the high-impact tools among a request's tool definitions. */
export function highImpactTools(
  tools: readonly { readonly name: string; readonly description?: string | undefined }[],
): Set<string> {
  return new Set(
    tools
      .filter((tool) => toolImpacts(tool.name, tool.description ?? "").length > 0)
      .map((tool) => tool.name),
  );
}
