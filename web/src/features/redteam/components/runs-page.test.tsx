import { listRedteamRuns } from "@core/api/redteam";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { runFixture } from "../testing/fixtures";
import { RunsPage } from "./runs-page";

describe("RunsPage", () => {
  it("lists runs with status, target, model, ASR with its interval, over-refusal and cases", async () => {
    server.use(
      answer(listRedteamRuns, {
        data: [
          runFixture({
            id: "rt_running",
            status: "running",
            cases: 0,
            successes: 0,
            asr: null,
            asrCi95: null,
            overRefusalRate: null,
            progress: { done: 12, total: 30 },
          }),
          runFixture({ id: "rt_done" }),
        ],
      }),
    );
    await renderWithApp(<RunsPage />);
    const table = await screen.findByRole("table", { name: /Red-team runs, newest first/ });
    const [, running, done] = within(table).getAllByRole("row");
    expect(running).toHaveTextContent("Running");
    expect(
      within(running as HTMLElement).getByRole("progressbar", { name: /12 of 30 cases \(40%\)/ }),
    ).toBeVisible();
    expect(within(running as HTMLElement).getByRole("link", { name: "rt_running" })).toHaveAttribute(
      "href",
      "/redteam/rt_running",
    );
    expect(done).toHaveTextContent("Finished");
    expect(done).toHaveTextContent("21.7%15.2%–29.9%");
    expect(done).toHaveTextContent("5.0%");
    expect(done).toHaveTextContent("120");
    expect(done).toHaveTextContent("gateway");
    expect(screen.getByRole("status")).toHaveTextContent("A run is in progress");
  });

  it("names the next step when there is no run", async () => {
    server.use(answer(listRedteamRuns, { data: [] }));
    await renderWithApp(<RunsPage />);
    expect(await screen.findByText("No red-team runs yet")).toBeInTheDocument();
  });

  it("shows what failed with the request id", async () => {
    server.use(failWith(listRedteamRuns, 500, "the store is down", "internal_error"));
    await renderWithApp(<RunsPage />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("the store is down");
    expect(alert).toHaveTextContent("req_test");
  });

  it("shows an auditor the start button disabled, with the scope it needs", async () => {
    server.use(answer(listRedteamRuns, { data: [runFixture()] }));
    await renderWithApp(<RunsPage />, { role: "auditor" });
    const button = await screen.findByRole("button", { name: "Start a run" });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      "Starting a run needs the redteam:run scope (admin or security role).",
    );
  });
});
