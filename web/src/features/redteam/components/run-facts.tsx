import type { RedteamRunSummary } from "@core/api/redteam";
import type { ReactNode } from "react";
import { formatCount, formatPercent, formatTime } from "@/lib/format";
import { formatRateWithInterval } from "../lib/rates";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** A run's figures and settings as a description list. */
export function RunFacts({ run }: { run: RedteamRunSummary }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      <Fact term="Attack success rate">
        <strong className="text-base">{formatRateWithInterval(run.asr, run.asrCi95)}</strong>
      </Fact>
      <Fact term="Successful attacks / cases">
        {run.status === "running" ? "—" : `${formatCount(run.successes)} / ${formatCount(run.cases)}`}
      </Fact>
      <Fact term="Over-refusal (benign prompts refused)">{formatPercent(run.overRefusalRate)}</Fact>
      <Fact term="Unanswered cases (left out of the rates)">{formatCount(run.errors)}</Fact>
      <Fact term="Gate">{run.gatePassed === null ? "none set" : run.gatePassed ? "passed" : "failed"}</Fact>
      <Fact term="Target">
        <span className="break-all">
          {run.targetId ?? "saved by the CLI"} · {run.target}
        </span>
      </Fact>
      <Fact term="Model">{run.model}</Fact>
      <Fact term="Seed">{run.seed}</Fact>
      <Fact term="Started">{formatTime(run.startedAt)}</Fact>
      <Fact term="Finished">{formatTime(run.finishedAt)}</Fact>
      <Fact term="Started by">
        {run.startedBy === null ? "the CLI" : `${run.startedBy.keyId} (${run.startedBy.role})`}
      </Fact>
    </dl>
  );
}
