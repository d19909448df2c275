import { type Category, type Finding, type Sensitivity, strongestVerdict } from "../core/index.js";
import type { Scanner } from "../detect/engine.js";
import { getDetector } from "../detect/registry.js";
import {
  createPolicyScanner,
  type Decision,
  decide,
  type EffectivePolicy,
  type Policy,
  resolvePolicy,
} from "../policy/index.js";
import type { ContentGuard, GuardContext, GuardResult, ScanSegment, UsePolicy } from "./guard.js";
import type { RaisedSensitivity } from "./principal.js";
import {
  type ConversationVault,
  type PlaceholderVault,
  type RedactionKeys,
  type RedactionOperator,
  redactText,
  restorePlaceholders,
} from "./redaction/index.js";

/** Effective policies and their scanners kept per (role, app, model); cleared on a policy change. */
const MAX_RESOLVED = 1_000;
/** Open conversation vaults kept for the requests in flight. */
const MAX_OPEN_CONVERSATIONS = 10_000;

interface Resolved {
  readonly policy: EffectivePolicy;
  readonly input: Scanner;
  readonly output: Scanner;
}

/** Removes the spans of invisible-text findings (zero-width runs, tag characters, bidi overrides). */
function stripSpans(text: string, findings: readonly Finding[]): string {
  const spans = findings
    .filter((finding) => finding.category === "invisible-text" && finding.end <= text.length)
    .sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start);
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

const WARM_UP_SAMPLE = "Warm-up: please summarise the meeting notes and email jane@example.com by Friday.";

const SENSITIVITY_RANK: Readonly<Record<Sensitivity, number>> = { low: 0, medium: 1, high: 2 };

/**
 * The policy with its enabled detectors (all, or those of one category) scanning at least at the
 * raised level: an incident's raise-sensitivity containment. Detectors the policy switched off stay off.
 */
export function raiseSensitivity(policy: EffectivePolicy, raised: RaisedSensitivity): EffectivePolicy {
  const raiseDirection = (direction: "input" | "output") => {
    const detectors = Object.fromEntries(
      Object.entries(policy[direction].detectors).map(([id, setting]) => {
        if (!setting.enabled) return [id, setting];
        if (raised.category !== undefined && detectorCategory(id) !== raised.category) return [id, setting];
        const current = setting.sensitivity ?? "medium";
        const level = SENSITIVITY_RANK[raised.level] > SENSITIVITY_RANK[current] ? raised.level : current;
        return [id, { ...setting, sensitivity: level }];
      }),
    );
    return { ...policy[direction], detectors };
  };
  return { ...policy, input: raiseDirection("input"), output: raiseDirection("output") };
}

function detectorCategory(id: string): string | undefined {
  try {
    return getDetector(id).category;
  } catch {
    return undefined;
  }
}

/**
 * Personal data gets reversible placeholders; secrets are masked; unsafe markup is removed; an
 * unverified reference keeps its text and gets a note after it.
 */
function operatorFor(finding: Finding, direction: "input" | "output"): RedactionOperator {
  if (finding.category === "pii") return direction === "input" ? "placeholder" : "mask";
  if (finding.category === "unsafe-markup") return "remove";
  if (finding.category === "unverified-reference") return "annotate";
  return "mask";
}

/**
 * The gateway's content guard: the policy resolved for the caller and model, its detectors run by
 * the detection engine, the actions applied per category (the strongest wins), redaction through the
 * conversation vault, and the fail mode applied when a detector could not finish.
 */
export class PolicyGuard implements ContentGuard {
  private readonly resolved = new Map<string, Resolved>();
  /** scanners by the content of the policy section they run, shared by every subject with that section */
  private readonly scanners = new Map<string, Scanner>();
  private readonly conversations = new Map<string, ConversationVault>();

  constructor(
    private policy: Policy,
    private readonly vault: PlaceholderVault,
    private readonly keys: RedactionKeys,
  ) {}

  /** Swaps the policy (hot reload); requests in flight finish with the scanners they have. */
  update(policy: Policy): void {
    this.policy = policy;
    this.resolved.clear();
    this.scanners.clear();
  }

  /**
   * Runs one input and one output scan so that detectors load their weights and lexicons at start,
   * not on the first request. Returns the milliseconds it took.
   */
  warmUp(): number {
    const started = performance.now();
    const { input, output } = this.warmUpScanners();
    const sample = WARM_UP_SAMPLE;
    input.scan(sample, { direction: "input", source: "user" });
    output.scan(sample, {
      direction: "output",
      source: "assistant",
      systemPrompt: "You are a helpful assistant.",
    });
    // asynchronous detectors start loading now; warmUpAsync waits for them and reports a failure
    if (input.hasAsync("input")) input.warmUpAsync().catch(() => undefined);
    return performance.now() - started;
  }

  /**
   * `warmUp` for a policy with asynchronous detectors (onnx-classifier): waits until their models
   * are loaded and have run once, and rejects with the detector's error (a wrong model folder, a
   * missing onnxruntime-node) so that start-up fails early. Returns the milliseconds it took.
   */
  async warmUpAsync(): Promise<number> {
    const started = performance.now();
    const { input, output } = this.warmUpScanners();
    await input.warmUpAsync();
    await output.warmUpAsync();
    return performance.now() - started;
  }

  /**
   * Loads the asynchronous detectors of a policy that is not running yet (a reload), with this
   * guard's vault and keys, so that a policy whose model cannot load is refused before it replaces
   * the running one. Models are shared per file, so the swap that follows finds them loaded.
   */
  async prepare(policy: Policy): Promise<void> {
    await new PolicyGuard(policy, this.vault, this.keys).warmUpAsync();
  }

  private warmUpScanners(): Resolved {
    const principal = {
      keyId: "warm-up",
      keyName: "warm-up",
      keyPrefix: "",
      role: "app",
      app: null,
      team: null,
      models: [],
      clearance: "internal" as const,
      limits: null,
    };
    return this.resolve({ principal, model: "warm-up" });
  }

  describe(): Policy {
    return this.policy;
  }

  private resolve(context: Pick<GuardContext, "principal" | "model">): Resolved {
    const raised = context.principal.raisedSensitivity;
    const raisedKey = raised === undefined ? "" : `${raised.level}/${raised.category ?? "*"}`;
    const key = `${context.principal.role}\u0000${context.principal.app ?? ""}\u0000${context.model}\u0000${raisedKey}`;
    let found = this.resolved.get(key);
    if (found === undefined) {
      const resolved = resolvePolicy(this.policy, {
        role: context.principal.role,
        ...(context.principal.app === null ? {} : { app: context.principal.app }),
        model: context.model,
      });
      const policy = raised === undefined ? resolved : raiseSensitivity(resolved, raised);
      found = { policy, input: this.scannerFor(policy, "input"), output: this.scannerFor(policy, "output") };
      if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear();
      this.resolved.set(key, found);
    }
    return found;
  }

  private scannerFor(policy: EffectivePolicy, direction: "input" | "output"): Scanner {
    const key = `${direction}\u0000${policy.scanBudgetMs}\u0000${JSON.stringify(policy[direction].detectors)}`;
    let scanner = this.scanners.get(key);
    if (scanner === undefined) {
      scanner = createPolicyScanner(policy, direction);
      if (this.scanners.size >= MAX_RESOLVED) this.scanners.clear();
      this.scanners.set(key, scanner);
    }
    return scanner;
  }

  async begin(context: GuardContext): Promise<void> {
    if (this.conversations.has(context.conversationId)) return;
    const conversation = await this.vault.open(context.conversationId);
    if (this.conversations.size >= MAX_OPEN_CONVERSATIONS) this.conversations.clear();
    this.conversations.set(context.conversationId, conversation);
  }

  private async conversation(context: GuardContext): Promise<ConversationVault> {
    const found = this.conversations.get(context.conversationId);
    if (found !== undefined) return found;
    await this.begin(context);
    return this.conversations.get(context.conversationId) ?? this.vault.open(context.conversationId);
  }

  async scanInput(segment: ScanSegment, context: GuardContext): Promise<GuardResult> {
    const { policy, input } = this.resolve(context);
    const request = { direction: "input", source: segment.source } as const;
    // only a policy with an asynchronous detector (onnx-classifier) pays for the await
    const scan = input.hasAsync("input")
      ? await input.scanAsync(segment.text, request)
      : input.scan(segment.text, request);
    const skipped = scan.skipped.map((item) => ({ detector: item.detector, reason: item.reason }));
    const forced = forceRedaction(decide(scan.findings, policy, "input", scan.skipped), context.forceRedact);
    const { verdict, risk, failedClosed } = forced;
    const redact = redactable(forced.actions, segment.text);
    let redactedText: string | undefined;
    if (verdict === "redact" && redact.length > 0) {
      redactedText = await redactText(
        segment.text,
        redact,
        (finding) => operatorFor(finding, "input"),
        await this.conversation(context),
        this.keys,
      );
    }
    if (policy.input.stripInvisible && redactedText === undefined) {
      const stripped = stripSpans(segment.text, scan.findings);
      if (stripped !== segment.text) redactedText = stripped;
    }
    const sentCategories = [
      ...new Set(
        forced.actions
          .filter((entry) => entry.action === "allow" || entry.action === "flag")
          // a rule or type the policy itself calls harmless (a bare place name) does not raise the data class
          .filter((entry) => !harmlessByRule(policy.input.findingActions, entry.finding))
          .map((entry) => entry.finding.category),
      ),
    ];
    return {
      verdict,
      risk,
      findings: scan.findings,
      skipped,
      failedClosed,
      sentCategories,
      ...(redactedText === undefined ? {} : { redactedText }),
    };
  }

  async scanOutput(text: string, context: GuardContext): Promise<GuardResult> {
    const { policy, output } = this.resolve(context);
    const scan = output.scan(text, {
      direction: "output",
      source: "assistant",
      ...(context.systemPrompt === undefined ? {} : { systemPrompt: context.systemPrompt }),
      ...(context.canaries === undefined ? {} : { canaries: context.canaries }),
      ...(context.conversation === undefined ? {} : { conversation: context.conversation }),
    });
    const skipped = scan.skipped.map((item) => ({ detector: item.detector, reason: item.reason }));
    const decision = decide(scan.findings, policy, "output", scan.skipped);
    const { verdict, risk, failedClosed } = decision;
    const redact = redactable(decision.actions, text);
    if (verdict !== "redact" || redact.length === 0) {
      return { verdict, risk, findings: scan.findings, skipped, failedClosed };
    }
    const conversation = await this.conversation(context);
    const replacements = [];
    for (const finding of redact) {
      const replacement = await redactText(
        text.slice(finding.start, finding.end),
        [{ ...finding, start: 0, end: finding.end - finding.start }],
        (item) => operatorFor(item, "output"),
        conversation,
        this.keys,
      );
      replacements.push({ start: finding.start, end: finding.end, text: replacement });
    }
    const redactedText = await redactText(
      text,
      redact,
      (item) => operatorFor(item, "output"),
      conversation,
      this.keys,
    );
    return {
      verdict,
      risk,
      findings: scan.findings,
      skipped,
      failedClosed,
      redactedText,
      replacements: nonOverlappingReplacements(replacements),
    };
  }

  restore(text: string, context: GuardContext): string {
    const conversation = this.conversations.get(context.conversationId);
    return conversation === undefined ? text : restorePlaceholders(text, conversation);
  }

  usePolicy(context: Pick<GuardContext, "principal" | "model">): UsePolicy {
    const { policy } = this.resolve(context);
    const app = context.principal.app;
    const tools = (app === null ? undefined : policy.tools.apps[app]) ?? policy.tools.default;
    return { acceptableUse: policy.acceptableUse, dataClassification: policy.dataClassification, tools };
  }

  wantsCanary(context: Pick<GuardContext, "principal" | "model">): boolean {
    return this.resolve(context).policy.canary;
  }

  streamSettings(context: Pick<GuardContext, "principal" | "model">) {
    return this.resolve(context).policy.stream;
  }
}

/** Acceptable use `conditional`: findings of these categories are redacted even when the policy would only flag them. */
function forceRedaction(decision: Decision, categories: readonly Category[] | undefined): Decision {
  if (categories === undefined || categories.length === 0) return decision;
  const actions = decision.actions.map((entry) =>
    categories.includes(entry.finding.category) && (entry.action === "allow" || entry.action === "flag")
      ? { ...entry, action: "redact" as const }
      : entry,
  );
  return {
    ...decision,
    actions,
    verdict: strongestVerdict([decision.verdict, ...actions.map((entry) => entry.action)]),
  };
}

function harmlessByRule(findingActions: Readonly<Record<string, string>>, finding: Finding): boolean {
  const action =
    findingActions[finding.rule] ?? (finding.type === undefined ? undefined : findingActions[finding.type]);
  return action === "allow" || action === "flag";
}

function redactable(actions: readonly { finding: Finding; action: string }[], text: string): Finding[] {
  return actions
    .filter((entry) => entry.action === "redact" && entry.finding.end <= text.length)
    .map((entry) => entry.finding);
}

function nonOverlappingReplacements(replacements: { start: number; end: number; text: string }[]) {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof replacements = [];
  let reach = -1;
  for (const item of sorted) {
    if (item.start < reach) continue;
    kept.push(item);
    reach = item.end;
  }
  return kept;
}
