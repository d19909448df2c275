import type { AuditActor, ManagementChange } from "../../audit/index.js";
import type { AuditRun, AutomatedFinding } from "../../core/api/governance.js";
import { newId, RampartError } from "../../core/index.js";
import type {
  GovernanceRecordRepository,
  GovernanceRecordWrite,
} from "../../store/repositories/govern-record-repository.js";
import { readGovernance } from "../as-code/apply-governance.js";
import {
  type AutomatedCheckInputs,
  type AutomatedCheckResult,
  runAuditPlanChecks,
} from "../records/audit-checks.js";
import type { AuditRecord, AutomatedCheckId, Governance } from "../records/governance-schema.js";
import {
  auditRunRow,
  auditRunsOf,
  automatedFindingsOf,
  findingRow,
  RUNTIME_KINDS,
} from "../records/runtime-records.js";

const DAY_MS = 86_400_000;

/** Months between scheduled runs of an audit plan's automated checks. */
export const SCHEDULE_MONTHS: Readonly<Record<AuditRecord["schedule"], number>> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/** The severity of the finding a failing check opens, and the days until it is due. */
const CHECK_SEVERITY: Readonly<Record<AutomatedCheckId, AutomatedFinding["severity"]>> = {
  "audit-chain": "critical",
  "policy-drift": "high",
  "key-hygiene": "medium",
  "redteam-freshness": "medium",
  "model-ownership": "medium",
};
const DUE_DAYS: Readonly<Record<AutomatedFinding["severity"], number>> = {
  critical: 7,
  high: 14,
  medium: 30,
  low: 90,
};

/** Runs kept per audit plan; older runs are removed when a new one is stored. */
const DEFAULT_KEEP_RUNS = 50;

function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.toISOString();
}

/** When a plan's checks are due next: now when they never ran, else the schedule after the last run. */
export function nextDueAt(plan: AuditRecord, lastRun: AuditRun | undefined, now: Date): string | null {
  if (plan.automatedChecks.length === 0) return null;
  if (lastRun === undefined) return now.toISOString();
  return addMonths(lastRun.at, SCHEDULE_MONTHS[plan.schedule]);
}

/** The role accountable for audits in the RACI chart, who owns automated findings ("" when none). */
function auditOwner(governance: Governance): string {
  const row = governance.raci.audits ?? {};
  return Object.entries(row).find(([, letter]) => letter === "A")?.[0] ?? "";
}

function actorLabel(actor: AuditActor | null): string {
  if (actor === null) return "unknown";
  return actor.kind === "system" ? actor.id : `${actor.kind}:${actor.id}`;
}

function summary(result: AutomatedCheckResult): string {
  const first = result.problems[0] ?? "";
  const more = result.problems.length > 1 ? ` (+${result.problems.length - 1} more)` : "";
  return `${result.check}: ${first}${more}`;
}

/**
 * The findings after a run: a failing check opens its finding (or refreshes the open one), a passing
 * check closes it, and a check whose evidence was not available leaves it as it was.
 */
export function nextFindings(
  existing: readonly AutomatedFinding[],
  run: AuditRun,
  owner: string,
): { changed: AutomatedFinding[]; opened: string[]; closed: string[] } {
  const byCheck = new Map(existing.map((finding) => [finding.check, finding]));
  const changed: AutomatedFinding[] = [];
  const opened: string[] = [];
  const closed: string[] = [];
  for (const result of run.results) {
    const current = byCheck.get(result.check);
    if (result.passed === false) {
      const open = current !== undefined && current.status === "open";
      const severity = CHECK_SEVERITY[result.check];
      const openedAt = open ? current.openedAt : run.at;
      changed.push({
        id: `auto-${result.check}`,
        audit: run.audit,
        check: result.check,
        title: summary(result),
        severity,
        owner: open ? current.owner : owner,
        due: open
          ? current.due
          : new Date(Date.parse(run.at) + DUE_DAYS[severity] * DAY_MS).toISOString().slice(0, 10),
        status: "open",
        problems: [...result.problems],
        openedAt,
        lastSeenAt: run.at,
        closedAt: null,
      });
      if (!open) opened.push(result.check);
    } else if (result.passed === true && current !== undefined && current.status === "open") {
      changed.push({ ...current, status: "closed", lastSeenAt: run.at, closedAt: run.at });
      closed.push(result.check);
    }
  }
  return { changed, opened, closed };
}

export interface AuditCheckServiceOptions {
  readonly records: GovernanceRecordRepository;
  /** what the checks read besides the records (policy, red-team runs, chain, keys); absent parts are "not available" */
  readonly inputs: () => Promise<Omit<AutomatedCheckInputs, "now">>;
  /** the audit trail; every run is recorded with its actor */
  readonly audit?: { recordManagement(change: ManagementChange): Promise<unknown> } | undefined;
  readonly now?: (() => Date) | undefined;
  readonly keepRuns?: number | undefined;
}

export interface AuditRunOutcome {
  readonly run: AuditRun;
  /** the automated findings of the audit after the run */
  readonly findings: AutomatedFinding[];
}

export interface AuditCheckService {
  /** runs one plan's automated checks now; not_found when the plan does not exist */
  run(
    auditId: string,
    options: { trigger: AuditRun["trigger"]; actor: AuditActor | null },
  ): Promise<AuditRunOutcome>;
  /** runs every plan whose checks are due (never run, or a schedule period since the last run) */
  runDue(): Promise<AuditRunOutcome[]>;
}

/**
 * Runs audit plans' automated checks and records the result three ways: the run itself (evidence,
 * kept in the store), findings opened or closed by it, and a `governance.audit.run` event in the
 * audit trail with its actor.
 */
export function createAuditCheckService(options: AuditCheckServiceOptions): AuditCheckService {
  const now = options.now ?? (() => new Date());
  const keep = options.keepRuns ?? DEFAULT_KEEP_RUNS;
  const { records } = options;

  async function runPlan(
    governance: Governance,
    plan: AuditRecord,
    trigger: AuditRun["trigger"],
    actor: AuditActor | null,
  ): Promise<AuditRunOutcome> {
    const at = now();
    const inputs = await options.inputs();
    const results = runAuditPlanChecks(governance, plan.id, { ...inputs, now: at });
    const run: AuditRun = {
      id: newId("arun"),
      audit: plan.id,
      at: at.toISOString(),
      trigger,
      actor: actorLabel(actor),
      results: results.map((result) => ({ ...result, problems: [...result.problems] })),
    };
    const rows = await records.list();
    const existing = automatedFindingsOf(rows, plan.id);
    const { changed, opened, closed } = nextFindings(existing, run, auditOwner(governance));
    const put: GovernanceRecordWrite[] = [auditRunRow(run), ...changed.map(findingRow)];
    const old = auditRunsOf(rows, plan.id).slice(keep - 1);
    await records.apply(
      put,
      old.map((item) => ({ kind: RUNTIME_KINDS.auditRun, id: item.id })),
    );
    await options.audit?.recordManagement({
      actor,
      action: "governance.audit.run",
      target: { kind: "audit", id: plan.id },
      changes: {
        trigger,
        results: run.results.map((result) => ({
          check: result.check,
          passed: result.passed,
          problems: result.problems.length,
        })),
        opened,
        closed,
      },
    });
    const byCheck = new Map([...existing, ...changed].map((finding) => [finding.check, finding]));
    return { run, findings: [...byCheck.values()] };
  }

  return {
    async run(auditId, { trigger, actor }) {
      const governance = await readGovernance(records);
      const plan = governance.audits.find((audit) => audit.id === auditId);
      if (plan === undefined) throw new RampartError("not_found", `no audit plan with id ${auditId}`);
      return runPlan(governance, plan, trigger, actor);
    },
    async runDue() {
      const governance = await readGovernance(records);
      const rows = await records.list();
      const outcomes: AuditRunOutcome[] = [];
      for (const plan of governance.audits) {
        const due = nextDueAt(plan, auditRunsOf(rows, plan.id)[0], now());
        if (due === null || Date.parse(due) > now().getTime()) continue;
        outcomes.push(await runPlan(governance, plan, "schedule", { kind: "system", id: "audit-scheduler" }));
      }
      return outcomes;
    },
  };
}
