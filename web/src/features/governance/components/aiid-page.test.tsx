import { governanceApi } from "@core/api/governance";
import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { AiidPage } from "./aiid-page";

const incident = (incidentId: number, matches: string[], date = "2024-03-01") => ({
  incidentId,
  date,
  title: `Incident ${incidentId}`,
  description: "",
  deployers: ["Example Corp"],
  developers: ["Acme AI"],
  harmedParties: [],
  reportCount: 1,
  citeUrl: `https://incidentdatabase.ai/cite/${incidentId}`,
  matches,
});

const CSV = "incident_id,date,title\n17,2024-05-01,Incident 17\n";

describe("AiidPage", () => {
  it("lists the incidents that touch the inventory, newest first, and counts the others", async () => {
    server.use(
      answer(governanceApi.aiidIncidents, {
        data: [
          incident(1, []),
          incident(2, ["vendor acme-ai"], "2023-01-01"),
          incident(3, ["model acme-7b"]),
        ],
      }),
    );
    await renderWithApp(<AiidPage />);
    const table = await screen.findByRole("table", { name: "AI incidents that touch the inventory" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("link").textContent)).toEqual([
      "#3 Incident 3",
      "#2 Incident 2",
    ]);
    expect(within(rows[0] as HTMLElement).getByText("model acme-7b")).toBeInTheDocument();
    expect(screen.getByText(/3 incidents imported; 1 name no vendor or model/)).toBeInTheDocument();
  });

  it("imports the chosen incidents.csv and shows the new list", async () => {
    const sent: unknown[] = [];
    server.use(
      answer(governanceApi.aiidIncidents, { data: [] }),
      http.post(`*${governanceApi.aiidImport.path}`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(
          governanceApi.aiidImport.response.parse({ imported: 1, data: [incident(17, ["vendor acme-ai"])] }),
        );
      }),
    );
    const { user } = await renderWithApp(<AiidPage />);
    expect(await screen.findByText("No incidents imported")).toBeInTheDocument();
    const importButton = screen.getByRole("button", { name: "Import" });
    expect(importButton).toBeDisabled();
    await user.upload(
      screen.getByLabelText("incidents.csv"),
      new File([CSV], "incidents.csv", { type: "text/csv" }),
    );
    await user.click(importButton);
    expect(await screen.findByRole("link", { name: "#17 Incident 17" })).toBeInTheDocument();
    expect(sent).toEqual([{ csv: CSV }]);
  });

  it("says why an import was refused and keeps the list", async () => {
    server.use(
      answer(governanceApi.aiidIncidents, { data: [incident(4, ["vendor acme-ai"])] }),
      failWith(governanceApi.aiidImport, 400, "line 2: incident_id is not a number"),
    );
    const { user } = await renderWithApp(<AiidPage />);
    await screen.findByRole("link", { name: "#4 Incident 4" });
    await user.upload(
      screen.getByLabelText("incidents.csv"),
      new File(["x,y\n1,2\n"], "bad.csv", { type: "text/csv" }),
    );
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("line 2: incident_id is not a number");
    expect(screen.getByRole("link", { name: "#4 Incident 4" })).toBeInTheDocument();
  });

  it("lets an auditor read the incidents but not import", async () => {
    server.use(answer(governanceApi.aiidIncidents, { data: [incident(5, ["vendor acme-ai"])] }));
    await renderWithApp(<AiidPage />, { role: "auditor" });
    await screen.findByRole("link", { name: "#5 Incident 5" });
    expect(screen.getByLabelText("incidents.csv")).toBeDisabled();
    expect(screen.getByRole("button", { name: "Import" })).toBeDisabled();
    expect(screen.getByText(/^Read-only: changing these records/)).toBeInTheDocument();
  });
});
