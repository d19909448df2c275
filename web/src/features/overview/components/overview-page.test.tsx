import { verifyAudit } from "@core/api/audit";
import { complianceSummary } from "@core/api/compliance";
import { getOverview } from "@core/api/overview";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { overviewFixture } from "../testing/fixtures";
import { OverviewPage } from "./overview-page";

const compliance = {
  generatedAt: "2026-11-20T11:30:00.000Z",
  data: [
    {
      framework: "eu-ai-act",
      version: "2024",
      name: "EU AI Act",
      score: 62.5,
      counts: { met: 4, partial: 3, "not-met": 2, "not-applicable": 1, attested: 1 },
      requirements: 11,
    },
  ],
};

function serve(overview = overviewFixture()) {
  const windows: string[] = [];
  server.use(
    answer(getOverview, (request) => {
      windows.push(new URL(request.url).searchParams.get("window") ?? "");
      return overview;
    }),
    answer(complianceSummary, compliance),
  );
  return windows;
}

const panel = (name: string) => screen.findByRole("region", { name });

describe("OverviewPage", () => {
  it("asks for the URL's window and marks it in the window links", async () => {
    const windows = serve();
    await renderWithApp(<OverviewPage search={{ window: "7d" }} />);
    await panel("Requests and verdicts");
    const nav = screen.getByRole("navigation", { name: "Time window" });
    expect(within(nav).getByRole("link", { name: /^7d ?\(last 7 days\)$/ })).toHaveAttribute(
      "aria-current",
      "true",
    );
    expect(within(nav).getByRole("link", { name: /^1h ?\(last hour\)$/ })).toHaveAttribute(
      "href",
      "/?window=1h",
    );
    await waitFor(() => expect(windows).toContain("7d"));
    expect(windows.every((window) => window === "7d")).toBe(true);
  });

  it("shows requests by verdict with a table equivalent where time before the trail is no data, not zero", async () => {
    serve();
    const { user } = await renderWithApp(<OverviewPage search={{}} />);
    const traffic = await panel("Requests and verdicts");
    const figure = within(traffic).getByRole("figure", {
      name: /Gateway requests by verdict, last 24 hours/,
    });
    await user.click(within(figure).getByRole("button", { name: /Table/ }));
    const table = within(figure).getByRole("table", { name: "Requests per hour by verdict, oldest first" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(6);
    expect(rows[1]).toHaveTextContent("no data (before the audit trail's first event)————");
    expect(rows[2]).toHaveTextContent("08:001610123");
    expect(rows[3]).toHaveTextContent("09:0000000");
  });

  it("shows posture per framework with a link, open incidents by severity with links, and the red-team trend", async () => {
    serve();
    await renderWithApp(<OverviewPage search={{}} />);
    const posture = await panel("Compliance posture");
    const framework = await within(posture).findByRole("link", { name: "EU AI Act" });
    expect(framework).toHaveAttribute("href", "/compliance/eu-ai-act");
    expect(within(posture).getByRole("meter", { name: "EU AI Act: score 63 of 100" })).toBeInTheDocument();
    expect(within(posture).getAllByRole("row")[1]).toHaveTextContent("532");

    const incidents = await panel("Open incidents");
    expect(incidents).toHaveTextContent("3 open");
    const list = within(incidents).getByRole("list", { name: "Open incidents by severity" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("Critical1 open");
    expect(within(incidents).getByRole("link", { name: "View critical incidents" })).toHaveAttribute(
      "href",
      "/incidents?severity=critical",
    );

    const redteam = await panel("Red team");
    expect(redteam).toHaveTextContent("25.0% attack success rate");
    expect(within(redteam).getByText("Worse")).toBeInTheDocument();
    expect(redteam).toHaveTextContent("Up 5.0 points from 20.0% in the previous run: worse.");
    expect(within(redteam).getByRole("link", { name: "rt_3" })).toHaveAttribute("href", "/redteam/rt_3");

    const blocked = await panel("Top blocked categories");
    expect(within(blocked).getByRole("link", { name: "Open the blocked requests" })).toHaveAttribute(
      "href",
      "/traffic?verdict=block",
    );
  });

  it("shows the audit chain and verifies it on demand", async () => {
    let verified = false;
    serve();
    server.use(
      answer(verifyAudit, (request) => {
        // a JSON body (the route refuses a POST without one) with the session's CSRF token
        verified =
          request.headers.get("content-type") === "application/json" &&
          request.headers.get("x-rampart-csrf") !== null;
        return {
          ok: true,
          verifiedAt: "2026-11-20T11:31:00.000Z",
          nodes: 1,
          events: 1235,
          checkpoints: 12,
          uncheckpointed: 35,
          contents: 0,
          firstBreak: null,
          recordedAs: "node-a:1236",
        };
      }),
    );
    const { user } = await renderWithApp(<OverviewPage search={{}} />);
    const chain = await panel("Audit chain");
    expect(within(chain).getByText("Intact")).toBeInTheDocument();
    const nodes = within(chain).getByRole("table", { name: /1,234 events kept/ });
    expect(within(nodes).getAllByRole("row")[1]).toHaveTextContent("#1234 0123456789ab…");
    expect(within(nodes).getAllByRole("row")[1]).toHaveTextContent("#1200");
    await user.click(within(chain).getByRole("button", { name: "Verify now" }));
    await waitFor(() =>
      expect(within(chain).getByText(/Verified 1,235 events on 1 node/)).toHaveTextContent(
        "the chain is intact.",
      ),
    );
    expect(verified).toBe(true);
  });

  it("says when the chain was never verified, or broke", async () => {
    const base = overviewFixture().auditChain;
    if (base === null) throw new Error("fixture has a chain");
    serve(
      overviewFixture({
        auditChain: {
          ...base,
          lastVerification: {
            id: "node-a:7",
            at: "2026-11-20T10:00:00.000Z",
            ok: false,
            events: 7,
            firstBreak: { node: "node-a", seq: 5, reason: "hash mismatch" },
            by: null,
          },
        },
      }),
    );
    await renderWithApp(<OverviewPage search={{}} />);
    const chain = await panel("Audit chain");
    expect(within(chain).getByText("Broken")).toBeInTheDocument();
    expect(chain).toHaveTextContent("first break at node-a:5 (hash mismatch)");
  });

  it("names the scope a section needs when the role cannot read it", async () => {
    serve(
      overviewFixture({
        incidents: null,
        redteam: null,
        traffic: null,
        topBlockedCategories: null,
        auditChain: null,
      }),
    );
    await renderWithApp(<OverviewPage search={{}} />);
    expect(await panel("Open incidents")).toHaveTextContent("This needs the incidents:read scope");
    expect(await panel("Red team")).toHaveTextContent("This needs the redteam:read scope");
    expect(await panel("Requests and verdicts")).toHaveTextContent("This needs the audit:read scope");
    expect(await panel("Audit chain")).toHaveTextContent("This needs the audit:read scope");
  });

  it("names the next step when there is no traffic, no incident and no red-team run", async () => {
    serve(
      overviewFixture({
        traffic: { buckets: [], totals: { requests: 0, allow: 0, flag: 0, redact: 0, block: 0 } },
        topBlockedCategories: [],
        incidents: { open: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 } },
        redteam: { runs: [], trend: null },
      }),
    );
    await renderWithApp(<OverviewPage search={{}} />);
    expect(await panel("Requests and verdicts")).toHaveTextContent(
      "Cannot draw this chart: the audit trail has no events yet: send a request through the gateway.",
    );
    expect(await panel("Top blocked categories")).toHaveTextContent("nothing was blocked in this window.");
    expect(await panel("Open incidents")).toHaveTextContent("No open incident.");
    expect(await panel("Red team")).toHaveTextContent("No red-team run yet");
  });

  it("shows each panel's own error with the request id, and posture's forbidden state", async () => {
    server.use(
      failWith(getOverview, 500, "the store is down", "internal_error"),
      failWith(complianceSummary, 403, "needs governance:read", "forbidden"),
    );
    await renderWithApp(<OverviewPage search={{}} />);
    const chain = await panel("Audit chain");
    const alert = await within(chain).findByRole("alert");
    expect(alert).toHaveTextContent("the store is down");
    expect(alert).toHaveTextContent("req_test");
    expect(await within(await panel("Compliance posture")).findByRole("note")).toHaveTextContent(
      "This needs the governance:read scope",
    );
  });
});
