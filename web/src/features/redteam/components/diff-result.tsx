import { useQuery } from "@tanstack/react-query";
import { Minus, TrendingDown, TrendingUp } from "lucide-react";
import { EmptyState } from "@/components/states/empty-state";
import { QueryView } from "@/components/states/query-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { runDiffQuery } from "../api/queries";
import { summariseDiff } from "../lib/run-diff";
import { CaseChangesTable } from "./case-changes-table";

const looks = {
  worse: { icon: TrendingUp, tone: "bad", label: "ASR rose" },
  better: { icon: TrendingDown, tone: "good", label: "ASR fell" },
  unchanged: { icon: Minus, tone: "neutral", label: "ASR unchanged" },
} as const;

/** The diff of two runs: ASR before and after, regressions and fixes. */
export function DiffResult({ base, head }: { base: string; head: string }) {
  const query = useQuery(runDiffQuery(base, head));
  return (
    <QueryView query={query} scope="redteam:read" rows={6}>
      {(diff) => {
        const summary = summariseDiff(diff);
        const look = looks[summary.direction];
        return (
          <div className="flex flex-col gap-4">
            <Card>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2">
                  Attack success rate {summary.asrChange}
                  <Badge tone={look.tone}>
                    <look.icon aria-hidden="true" />
                    {look.label} ({summary.delta})
                  </Badge>
                </CardTitle>
              </CardHeader>
              <CardContent>
                <p className="text-sm">{summary.headline}</p>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Regressions</CardTitle>
              </CardHeader>
              <CardContent>
                {diff.regressions.length === 0 ? (
                  <EmptyState title="No regressions">
                    No attack that failed in the base run works in the head run.
                  </EmptyState>
                ) : (
                  <CaseChangesTable
                    changes={diff.regressions}
                    caption="Attacks that failed in the base run and work in the head run"
                  />
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Fixes</CardTitle>
              </CardHeader>
              <CardContent>
                {diff.fixes.length === 0 ? (
                  <EmptyState title="No fixes">
                    No attack that worked in the base run fails in the head run.
                  </EmptyState>
                ) : (
                  <CaseChangesTable
                    changes={diff.fixes}
                    caption="Attacks that worked in the base run and fail in the head run"
                  />
                )}
              </CardContent>
            </Card>
          </div>
        );
      }}
    </QueryView>
  );
}
