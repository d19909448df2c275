import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryView } from "@/components/states/query-view";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auditEventQuery } from "../api/queries";
import type { TrafficSearch } from "../lib/search";
import { EnvelopeView } from "./envelope-view";
import { EventContent } from "./event-content";
import { EventSummary } from "./event-summary";
import { FindingsTable } from "./findings-table";

/** One audit event: its fields, findings, stored content with the spans marked, and the envelope. */
export function EventPage({ id, search }: { id: string; search: TrafficSearch }) {
  const query = useQuery(auditEventQuery(id));
  return (
    <>
      <PageHeader
        title={`Event ${id}`}
        description="As the audit trail recorded it; content is shown as stored."
        actions={
          <Link to="/traffic" search={search} className={buttonVariants({ variant: "outline" })}>
            <ArrowLeft aria-hidden="true" /> Back to Traffic
          </Link>
        }
      />
      <QueryView query={query} scope="audit:read" rows={8}>
        {(detail) => (
          <div className="flex flex-col gap-4">
            <Card>
              <CardContent className="pt-4">
                <EventSummary event={detail.event} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Findings</CardTitle>
              </CardHeader>
              <CardContent>
                <FindingsTable findings={detail.findings} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Content</CardTitle>
                <CardDescription>
                  The prompt and answer text the trail stored with this event.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <EventContent content={detail.content} findings={detail.findings} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Envelope</CardTitle>
                <CardDescription>The hashed record in the chain.</CardDescription>
              </CardHeader>
              <CardContent>
                <EnvelopeView detail={detail} />
              </CardContent>
            </Card>
          </div>
        )}
      </QueryView>
    </>
  );
}
