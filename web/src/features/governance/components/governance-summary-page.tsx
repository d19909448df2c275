import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/layout/page-header";
import {
  acceptableUseQuery,
  assetsQuery,
  auditsQuery,
  policiesQuery,
  raciQuery,
  riskListQuery,
  trainingQuery,
} from "../api/queries";
import { assetKindLabel, assetKinds } from "../lib/asset-kinds";
import { assetCounts } from "../lib/asset-rows";
import { auditCounts, policyCounts, riskBandCounts, trainingCounts } from "../lib/summary";
import { BandBadge } from "./band-badge";
import { SummaryCard } from "./summary-card";

/** The governance cycle at a glance: each area's state and where to act. */
export function GovernanceSummaryPage() {
  const assets = useQuery(assetsQuery());
  const raci = useQuery(raciQuery());
  const risks = useQuery(riskListQuery());
  const policies = useQuery(policiesQuery());
  const acceptableUse = useQuery(acceptableUseQuery());
  const audits = useQuery(auditsQuery());
  const training = useQuery(trainingQuery());
  return (
    <>
      <PageHeader
        title="Governance"
        description="Inventory, RACI, risks, policies, acceptable use, audits and training: the records the compliance reports read."
      />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <SummaryCard title="Assets" to="/governance/assets" query={assets}>
          {(data) => {
            const counts = assetCounts(data);
            return (
              <ul>
                {assetKinds.map((kind) => (
                  <li key={kind}>
                    {assetKindLabel[kind].many}: <strong>{counts[kind]}</strong>
                  </li>
                ))}
              </ul>
            );
          }}
        </SummaryCard>
        <SummaryCard title="RACI chart" to="/governance/raci" query={raci}>
          {(view) => (
            <p>
              {Object.keys(view.chart).length} activities, {view.roles.length} roles.{" "}
              {view.issues.length === 0
                ? "Every activity has one A and at least one R."
                : `${view.issues.length} rule violation${view.issues.length === 1 ? "" : "s"} to fix.`}
            </p>
          )}
        </SummaryCard>
        <SummaryCard title="Risks" to="/governance/risks" query={risks}>
          {(list) => (
            <ul className="flex flex-wrap gap-2" aria-label="Risks by residual band">
              {riskBandCounts(list.data).map(({ band, count }) => (
                <li key={band}>
                  <BandBadge band={band} /> <strong>{count}</strong>
                </li>
              ))}
            </ul>
          )}
        </SummaryCard>
        <SummaryCard title="Policies" to="/governance/policies" query={policies}>
          {(data) => {
            const counts = policyCounts(data);
            return (
              <p>
                {counts.approved} approved, {counts.awaiting} awaiting approval, {counts.reviewOverdue}{" "}
                overdue for review.
              </p>
            );
          }}
        </SummaryCard>
        <SummaryCard title="Acceptable use" to="/governance/acceptable-use" query={acceptableUse}>
          {(view) => (
            <p>
              {view.rules.length} rules over {view.roles.length} roles, {view.targets.length} models or tools
              and {view.dataClasses.length} data classes.
            </p>
          )}
        </SummaryCard>
        <SummaryCard title="Audits" to="/governance/audits" query={audits}>
          {(data) => {
            const counts = auditCounts(data);
            return (
              <p>
                {counts.plans} plan{counts.plans === 1 ? "" : "s"}, {counts.openFindings} open finding
                {counts.openFindings === 1 ? "" : "s"}, {counts.failingChecks} failing check
                {counts.failingChecks === 1 ? "" : "s"} in the last runs
                {counts.neverRun > 0 ? `; ${counts.neverRun} never run` : ""}.
              </p>
            );
          }}
        </SummaryCard>
        <SummaryCard title="Training" to="/governance/training" query={training}>
          {(data) => {
            const counts = trainingCounts(data.assignments);
            return (
              <p>
                {counts.done} of {counts.assignments} assignments done, {counts.overdue} overdue.
              </p>
            );
          }}
        </SummaryCard>
      </div>
    </>
  );
}
