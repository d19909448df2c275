import {
  getIncident,
  type IncidentDetail,
  listPlaybooks,
  runContainment,
  updateIncident,
} from "@core/api/incidents";
import { listKeys } from "@core/api/keys";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { IncidentDetailPage } from "./incident-detail-page";

const at = "2026-11-27T10:00:00.000Z";
const steps = ["Confirm the campaign", "Identify the key", "Revoke the key or block the principal"];

function detail(overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  return {
    id: "inc_1",
    title: "Prompt-injection campaign: key:key_1",
    description: "4 prompt-injection attempts in 300 s",
    severity: "high",
    status: "open",
    playbook: "prompt-injection-campaign",
    serious: null,
    awareAt: at,
    links: { alerts: ["alr_1"], events: ["n1:2", "n1:3"], assets: ["key:key_1"], risks: [] },
    createdBy: "system:monitor",
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    art73: null,
    timeline: [
      { id: "tle_1", incidentId: "inc_1", at, actor: "system:monitor", kind: "created", text: "opened" },
    ],
    containments: [],
    steps: steps.map((title, index) => ({
      index,
      title,
      role: "security",
      done: index === 0,
      changedAt: index === 0 ? at : null,
      changedBy: index === 0 ? "admin:key_security" : null,
    })),
    ...overrides,
  };
}

function serve(incident: IncidentDetail) {
  server.use(
    answer(getIncident, incident),
    answer(listPlaybooks, {
      data: [
        {
          id: "prompt-injection-campaign",
          title: "Prompt-injection campaign",
          description: "x",
          severity: "high",
          owners: ["security"],
          steps: steps.map((title) => ({ title, role: "security" as const })),
          containment: [
            { action: "revoke-key", roles: ["admin", "security"] },
            { action: "block-principal", roles: ["admin", "security"] },
          ],
        },
      ],
    }),
    answer(listKeys, {
      data: [
        {
          id: "key_1",
          name: "campaign caller",
          prefix: "rk_abcde",
          kind: "gateway",
          role: "app",
          app: "support",
          team: null,
          models: [],
          clearance: "internal",
          status: "active",
          createdAt: at,
          expiresAt: null,
          revokedAt: null,
          lastUsedAt: at,
        },
      ],
    }),
  );
}

describe("IncidentDetailPage", () => {
  it("shows an auditor every action disabled, each with the reason", async () => {
    serve(detail());
    await renderWithApp(<IncidentDetailPage id="inc_1" />, { role: "auditor" });
    const containment = await screen.findByRole("region", { name: "Containment" });
    const revoke = await within(containment).findByRole("button", { name: /Revoke key/ });
    expect(revoke).toBeDisabled();
    expect(revoke).toHaveAccessibleDescription(
      /needs the containment:execute scope \(admin or security role\)/,
    );
    for (const button of within(containment).getAllByRole("button")) expect(button).toBeDisabled();
    expect(screen.getByRole("button", { name: "Mark triaged" })).toBeDisabled();
    expect(screen.getByText(/Changing the status needs the incidents:write scope/)).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /Identify the key/ })).toBeDisabled();
  });

  it("revokes the linked key for a security responder once its name is typed", async () => {
    let sent: unknown;
    serve(detail());
    server.use(
      answer(runContainment, (request) => {
        void request
          .clone()
          .json()
          .then((body) => {
            sent = body;
          });
        return {
          id: "cnt_1",
          incidentId: "inc_1",
          action: "revoke-key" as const,
          target: "key_1",
          parameters: {},
          createdBy: "key_security",
          createdAt: at,
          liftedAt: null,
        };
      }),
    );
    const { user } = await renderWithApp(<IncidentDetailPage id="inc_1" />, { role: "security" });
    const containment = await screen.findByRole("region", { name: "Containment" });
    await user.click(await within(containment).findByRole("button", { name: /Revoke key/ }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke key" });
    expect(within(dialog).getByLabelText("Key id")).toHaveValue("key_1");
    const confirm = within(dialog).getByRole("button", { name: "Revoke key" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/to confirm/), "campaign calle");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/to confirm/), "r");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await expect
      .poll(() => sent)
      .toEqual({ action: "revoke-key", target: "key_1", parameters: {}, incidentId: "inc_1" });
    await expect.poll(() => screen.queryByRole("dialog")).toBeNull();
  });

  it("ticks a playbook step as an incident update", async () => {
    let sent: unknown;
    serve(detail());
    server.use(
      answer(updateIncident, (request) => {
        void request
          .clone()
          .json()
          .then((body) => {
            sent = body;
          });
        const { timeline: _timeline, containments: _containments, steps: _steps, ...incident } = detail();
        return incident;
      }),
    );
    const { user } = await renderWithApp(<IncidentDetailPage id="inc_1" />, { role: "owner" });
    expect(await screen.findByText("1 of 3 steps done.")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /Confirm the campaign/ })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: /Identify the key/ }));
    await expect.poll(() => sent).toEqual({ step: { index: 1, done: true } });
  });

  it("shows the Art. 73 clock of a serious incident and severity as icon and text", async () => {
    const dueAt = new Date(Date.now() + 3 * 86_400_000 + 3_600_000 * 2.5).toISOString();
    serve(
      detail({
        serious: "general",
        art73: {
          kind: "general",
          awareAt: at,
          days: 15,
          dueAt,
          hoursLeft: 74,
          overdue: false,
          deadlines: [],
        },
      }),
    );
    await renderWithApp(<IncidentDetailPage id="inc_1" />, { role: "auditor" });
    const clock = await screen.findByRole("region", { name: /EU AI Act reporting clock/ });
    expect(within(clock).getByText("3 d 2 h left")).toBeInTheDocument();
    expect(within(clock).getByText(/within 15 days of awareness/)).toBeInTheDocument();
    expect(screen.getByText("High")).toBeInTheDocument();
  });
});
