import { listAuditEvents } from "@core/api/audit";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { layOutScrollRegions } from "@/components/data-table/testing/layout";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { trafficSearchSchema } from "../lib/search";
import { FakeEventSource, useFakeEventSource } from "../testing/fake-event-source";
import { rowFixture } from "../testing/fixtures";
import { TrafficPage } from "./traffic-page";

const older = rowFixture({ seq: 1, at: "2026-11-20T10:00:00.000Z", verdict: "allow" });
const newer = rowFixture({
  seq: 2,
  at: "2026-11-20T10:05:00.000Z",
  verdict: "block",
  categories: ["prompt-injection"],
  status: 400,
});

function listing(rows = [newer, older], nextCursor: string | null = null) {
  const asked: URLSearchParams[] = [];
  server.use(
    answer(listAuditEvents, (request) => {
      asked.push(new URL(request.url).searchParams);
      return { data: rows, nextCursor };
    }),
  );
  return asked;
}

const table = () => screen.findByRole("table", { name: "Audit events, newest first" });

describe("TrafficPage", () => {
  layOutScrollRegions();
  useFakeEventSource();

  it("lists events newest first with the verdict as text and a link to each event", async () => {
    const asked = listing();
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />);
    const events = await table();
    const [, first, second] = within(events).getAllByRole("row");
    expect(first).toHaveTextContent("Blocked");
    expect(first).toHaveTextContent("prompt-injection");
    expect(first).toHaveAttribute("aria-rowindex", "2");
    expect(second).toHaveTextContent("Allowed");
    expect(within(first as HTMLElement).getByRole("link", { name: "20 Nov, 10:05:00" })).toHaveAttribute(
      "href",
      "/traffic/node-a%3A2",
    );
    expect(events).toHaveAttribute("aria-rowcount", "3");
    expect(asked[0]?.get("limit")).toBe("200");
    expect(FakeEventSource.current().url).toBe("/api/v1/audit/stream");
  });

  it("asks the server with the URL's filters", async () => {
    const asked = listing([newer]);
    await renderWithApp(
      <TrafficPage search={trafficSearchSchema.parse({ verdict: "block", app: "support", range: "1h" })} />,
    );
    await table();
    expect(asked[0]?.get("verdict")).toBe("block");
    expect(asked[0]?.get("app")).toBe("support");
    const from = Date.parse(asked[0]?.get("from") ?? "");
    expect(Date.now() - from).toBeGreaterThanOrEqual(3_600_000);
    expect(Date.now() - from).toBeLessThan(3_700_000);
  });

  it("puts live events that match the filters on top, without a reload, and announces the count", async () => {
    listing([newer]);
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({ verdict: "block" })} />);
    await table();
    const stream = FakeEventSource.current();
    stream.open();
    stream.send(rowFixture({ seq: 3, at: "2026-11-20T10:06:00.000Z", verdict: "allow" }));
    stream.send(
      rowFixture({ seq: 4, at: "2026-11-20T10:07:00.000Z", verdict: "block", categories: ["secrets"] }),
    );
    await waitFor(async () => expect(within(await table()).getAllByRole("row")).toHaveLength(3));
    const [, top] = within(await table()).getAllByRole("row");
    expect(top).toHaveTextContent("secrets");
    expect(top).toHaveTextContent("Blocked");
    expect(screen.getByText("1 new since this page opened")).toBeInTheDocument();
    await waitFor(
      () =>
        expect(screen.getByRole("status")).toHaveTextContent("1 new event added to the top of the table."),
      { timeout: 5000 },
    );
  });

  it("asks for the newest page when the stream opens, so events from before it are not missed", async () => {
    const missed = rowFixture({ seq: 9, at: "2026-11-20T10:09:00.000Z", verdict: "flag" });
    let calls = 0;
    server.use(
      answer(listAuditEvents, () => {
        calls += 1;
        return { data: calls === 1 ? [older] : [missed, older], nextCursor: null };
      }),
    );
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />);
    await table();
    FakeEventSource.current().open();
    await waitFor(async () => expect(within(await table()).getAllByRole("row")).toHaveLength(3));
    expect(within(await table()).getAllByRole("row")[1]).toHaveTextContent("Flagged");
    expect(calls).toBe(2);
  });

  it("holds live events while paused and shows them on resume", async () => {
    listing([older]);
    const { user } = await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />);
    await table();
    const stream = FakeEventSource.current();
    stream.open();
    await user.click(screen.getByRole("button", { name: "Pause live updates" }));
    stream.send(rowFixture({ seq: 5, at: "2026-11-20T10:08:00.000Z" }));
    await screen.findByText("Paused: 1 new waiting");
    expect(within(await table()).getAllByRole("row")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Resume live updates" }));
    expect(within(await table()).getAllByRole("row")).toHaveLength(3);
    expect(screen.getByRole("status")).toHaveTextContent("Live updates resumed; 1 held event added");
  });

  it("applies the filter form to the URL, and names a value the API would refuse", async () => {
    listing();
    const { user, router } = await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />, {
      path: "/traffic",
    });
    await table();
    const form = screen.getByRole("form", { name: "Filter audit events" });
    await user.type(within(form).getByLabelText("Category"), "Prompt Injection");
    await user.click(within(form).getByRole("button", { name: "Apply filters" }));
    expect(within(form).getByLabelText("Category")).toHaveAccessibleDescription(
      'Category: "Prompt Injection": must be a category such as prompt-injection',
    );
    await user.clear(within(form).getByLabelText("Category"));
    await user.type(within(form).getByLabelText("Category"), "prompt-injection");
    await user.click(within(form).getByRole("checkbox", { name: "Blocked" }));
    await user.selectOptions(within(form).getByLabelText("Time"), "Last 24 hours");
    await user.click(within(form).getByRole("button", { name: "Apply filters" }));
    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        range: "24h",
        verdict: "block",
        category: "prompt-injection",
      }),
    );
  });

  it("names the next step when there is no traffic, and when filters match nothing", async () => {
    listing([]);
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />);
    expect(await screen.findByText("No traffic yet")).toBeInTheDocument();
  });

  it("says when filters match nothing", async () => {
    listing([]);
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({ model: "nothing" })} />);
    expect(await screen.findByText("No events match these filters")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Clear the filters" })).toHaveAttribute("href", "/traffic");
  });

  it("shows what failed with the request id", async () => {
    server.use(failWith(listAuditEvents, 400, "from: must be before to"));
    await renderWithApp(<TrafficPage search={trafficSearchSchema.parse({})} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("from: must be before to");
    expect(alert).toHaveTextContent("req_test");
  });
});
