import { listKeys } from "@core/api/keys";
import { getEffectivePolicy } from "@core/api/policy";
import { listUpstreams } from "@core/api/settings";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { SettingsPage } from "./settings-page";

const upstream = {
  name: "demo",
  url: "http://127.0.0.1:4010/v1",
  models: ["rampart-demo"],
  aliases: { fast: "rampart-demo" },
  servedModels: ["rampart-demo"],
  hasApiKey: false,
  timeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  maxConnections: 64,
  status: {
    reachable: true,
    checkedAt: "2026-11-27T10:00:00.000Z",
    latencyMs: 3,
    httpStatus: 200,
    detail: "answered GET /models",
  },
};

describe("SettingsPage", () => {
  it("shows the upstreams and the effective policy as formatted JSON text", async () => {
    server.use(
      answer(listKeys, { data: [] }),
      answer(listUpstreams, { data: [upstream] }),
      answer(getEffectivePolicy, { policy: { version: 1, input: { "prompt-injection": "block" } } }),
    );
    await renderWithApp(<SettingsPage />, { role: "auditor" });
    const upstreams = await screen.findByRole("table", { name: "Upstreams" });
    expect(within(upstreams).getByText("demo")).toBeInTheDocument();
    expect(within(upstreams).getByText(/fast → rampart-demo/)).toBeInTheDocument();
    expect(within(upstreams).getByText(/yes, 3\.0 ms/)).toBeInTheDocument();
    const policy = await screen.findByRole("region", { name: "Effective policy" });
    expect(policy.querySelector("pre")?.textContent).toBe(
      '{\n  "version": 1,\n  "input": {\n    "prompt-injection": "block"\n  }\n}',
    );
    expect(await screen.findByText("No stored keys yet")).toBeInTheDocument();
  });

  it("checks the upstreams again on request", async () => {
    const asked: string[] = [];
    server.use(
      answer(listKeys, { data: [] }),
      answer(getEffectivePolicy, { policy: {} }),
      answer(listUpstreams, (request) => {
        asked.push(new URL(request.url).search);
        return { data: [{ ...upstream, status: { ...upstream.status, reachable: asked.length === 1 } }] };
      }),
    );
    const { user } = await renderWithApp(<SettingsPage />);
    await screen.findByText(/yes, 3\.0 ms/);
    await user.click(screen.getByRole("button", { name: "Check now" }));
    expect(await screen.findByText(/no, 3\.0 ms/)).toBeInTheDocument();
    expect(asked).toEqual(["", "?refresh=true"]);
  });

  it("keeps each panel's failure to itself", async () => {
    server.use(
      answer(listKeys, { data: [] }),
      answer(getEffectivePolicy, { policy: {} }),
      failWith(listUpstreams, 500, "upstream check failed"),
    );
    await renderWithApp(<SettingsPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("upstream check failed");
    expect(screen.getByRole("region", { name: "Effective policy" })).toBeInTheDocument();
  });
});
