import type { IncidentLinksView } from "@core/api/incidents";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

const groups = [
  { key: "events", label: "Events", hint: "audit positions (node:seq) or request ids" },
  { key: "assets", label: "Assets", hint: "keys (key:<id>) and governance assets" },
  { key: "risks", label: "Risks", hint: "risk register ids" },
  { key: "alerts", label: "Alerts", hint: "the monitor's alerts" },
] as const;

/** What the incident points at: events, assets, risks and alerts. */
export function IncidentLinks({ links }: { links: IncidentLinksView }) {
  return (
    <Card aria-labelledby="links-title">
      <CardHeader>
        <CardTitle id="links-title">Linked records</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          {groups.map((group) => (
            <div key={group.key}>
              <dt className="font-medium">
                {group.label}{" "}
                <span className="font-normal text-muted-foreground">({links[group.key].length})</span>
              </dt>
              <dd>
                {links[group.key].length === 0 ? (
                  <span className="text-muted-foreground">None linked ({group.hint}).</span>
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {links[group.key].map((value) => (
                      <li key={value}>
                        <code className="break-all text-xs">{value}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
