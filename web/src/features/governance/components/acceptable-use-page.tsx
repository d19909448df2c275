import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/layout/page-header";
import { QueryView } from "@/components/states/query-view";
import { acceptableUseQuery } from "../api/queries";
import { AcceptableUseEditor } from "./acceptable-use-editor";

/** Who may send which data class to which model or tool, and the gateway policy that enforces it. */
export function AcceptableUsePage() {
  const query = useQuery(acceptableUseQuery());
  return (
    <>
      <PageHeader
        title="Acceptable use"
        description="Role × model or tool × data class → allowed, conditional or prohibited; the gateway takes the first rule that matches."
      />
      <QueryView query={query} scope="governance:read" rows={8}>
        {(view) => <AcceptableUseEditor view={view} />}
      </QueryView>
    </>
  );
}
