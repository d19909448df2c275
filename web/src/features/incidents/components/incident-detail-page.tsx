import { useQuery } from "@tanstack/react-query";
import { QueryView } from "@/components/states/query-view";
import { incidentDetailQuery } from "../api/queries";
import { IncidentDetail } from "./incident-detail";

/** /incidents/$id: one incident, with everything needed to respond to it. */
export function IncidentDetailPage({ id }: { id: string }) {
  const query = useQuery(incidentDetailQuery(id));
  return (
    <QueryView query={query} scope="incidents:read" rows={10}>
      {(incident) => <IncidentDetail incident={incident} now={new Date()} />}
    </QueryView>
  );
}
