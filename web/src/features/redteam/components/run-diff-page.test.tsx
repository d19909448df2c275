import { diffRedteamRuns, listRedteamRuns } from "@core/api/redteam";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { runFixture } from "../testing/fixtures";
import { RunDiffPage } from "./run-diff-page";

const runs = [
  runFixture({ id: "rt_head", startedAt: "2026-11-22T00:00:00.000Z" }),
  runFixture({ id: "rt_base", startedAt: "2026-11-21T00:00:00.000Z" }),
  runFixture({ id: "rt_seed3", seed: 3, startedAt: "2026-11-20T12:00:00.000Z" }),
  runFixture({
    id: "rt_cli",
    startedAt: "2026-11-20T00:00:00.000Z",
    reportAvailable: false,
    startedBy: null,
  }),
];

describe("RunDiffPage", () => {
  it("proposes the previous run of the same target as the base and shows regressions and fixes", async () => {
    let asked = "";
    server.use(
      answer(listRedteamRuns, { data: runs }),
      answer(diffRedteamRuns, (request) => {
        asked = new URL(request.url).search;
        return {
          base: "rt_base",
          head: "rt_head",
          regressions: [
            { id: "spe-direct-01~base64", probe: "spe-direct-01", strategy: "base64", owasp: ["LLM07"] },
          ],
          fixes: [],
          added: 0,
          removed: 0,
          asrBefore: 0.1,
          asrAfter: 0.2,
        };
      }),
    );
    await renderWithApp(<RunDiffPage search={{ head: "rt_head" }} />);
    const regressions = await screen.findByRole("table", {
      name: /fail in the base run and work|failed in the base run/,
    });
    expect(asked).toBe("?base=rt_base&head=rt_head");
    expect(within(regressions).getByRole("row", { name: /spe-direct-01~base64/ })).toHaveTextContent("LLM07");
    expect(screen.getByText("ASR rose (+10.0 points)")).toBeInTheDocument();
    expect(screen.getByText("No fixes")).toBeInTheDocument();
    expect(screen.getByLabelText("Base run (before)")).toHaveValue("rt_base");
    const options = within(screen.getByLabelText("Head run (after)")).getAllByRole("option");
    expect(options.map((option) => option.getAttribute("value"))).toEqual([
      "",
      "rt_head",
      "rt_base",
      "rt_seed3",
    ]);
    expect(screen.queryByRole("list", { name: "Before you compare" })).not.toBeInTheDocument();
  });

  it("warns when the chosen runs used different seeds", async () => {
    server.use(
      answer(listRedteamRuns, { data: runs }),
      answer(diffRedteamRuns, {
        base: "rt_seed3",
        head: "rt_head",
        regressions: [],
        fixes: [],
        added: 0,
        removed: 0,
        asrBefore: 0.2,
        asrAfter: 0.2,
      }),
    );
    await renderWithApp(<RunDiffPage search={{ base: "rt_seed3", head: "rt_head" }} />);
    expect(await screen.findByRole("list", { name: "Before you compare" })).toHaveTextContent(
      "The runs used different seeds (3 and 1), so their cases differ.",
    );
    expect(await screen.findByText("ASR unchanged (±0.0 points)")).toBeInTheDocument();
  });

  it("explains that two runs with reports are needed", async () => {
    server.use(answer(listRedteamRuns, { data: [runs[0], runs[3]].filter((run) => run !== undefined) }));
    await renderWithApp(<RunDiffPage search={{}} />);
    expect(await screen.findByText("Two runs with reports are needed")).toBeInTheDocument();
  });
});
