import { type IncidentView, listIncidents } from "@core/api/incidents";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { IncidentsPage } from "./incidents-page";

const at = "2026-11-27T10:00:00.000Z";
const incident = (
  id: string,
  severity: IncidentView["severity"],
  status: IncidentView["status"],
): IncidentView => ({
  id,
  title: `Incident ${id}`,
  description: "",
  severity,
  status,
  playbook: "jailbreak",
  serious: null,
  awareAt: at,
  links: { alerts: [], events: [], assets: [], risks: [] },
  createdBy: "system:monitor",
  createdAt: at,
  updatedAt: at,
  closedAt: null,
  art73: null,
});

describe("IncidentsPage", () => {
  it("asks the server with the URL's filters and links each incident to its detail", async () => {
    const asked: string[] = [];
    server.use(
      answer(listIncidents, (request) => {
        asked.push(new URL(request.url).search);
        return { data: [incident("inc_1", "critical", "triaged")] };
      }),
    );
    await renderWithApp(<IncidentsPage search={{ status: "triaged", severity: "critical" }} />, {
      path: "/incidents?status=triaged&severity=critical",
    });
    const table = await screen.findByRole("table", { name: "Incidents" });
    expect(asked).toEqual(["?status=triaged&severity=critical"]);
    expect(within(table).getByRole("link", { name: "Incident inc_1" })).toHaveAttribute(
      "href",
      "/incidents/inc_1",
    );
    // severity as icon and text, not colour alone
    const severity = within(table).getByText("Critical");
    expect(severity.querySelector("svg")).not.toBeNull();
    expect(screen.getByLabelText("Status")).toHaveValue("triaged");
  });

  it("puts a changed filter into the URL", async () => {
    server.use(answer(listIncidents, { data: [incident("inc_1", "low", "open")] }));
    const { user, router } = await renderWithApp(<IncidentsPage search={{}} />, { path: "/incidents" });
    await screen.findByRole("table", { name: "Incidents" });
    await user.selectOptions(screen.getByLabelText("Severity"), "high");
    await expect.poll(() => router.state.location.search).toEqual({ severity: "high" });
  });

  it("says what to do when there are no incidents, and when a filter hides them", async () => {
    server.use(answer(listIncidents, { data: [] }));
    await renderWithApp(<IncidentsPage search={{}} />);
    expect(await screen.findByText("No incidents yet")).toBeInTheDocument();
    expect(screen.getByText(/rampart incident create/)).toBeInTheDocument();
  });

  it("shows what failed with the request id", async () => {
    server.use(failWith(listIncidents, 500, "storage is unavailable", "storage_unavailable"));
    await renderWithApp(<IncidentsPage search={{ severity: "low" }} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("storage is unavailable");
    expect(alert).toHaveTextContent("req_test");
  });
});
