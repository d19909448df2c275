import { listRedteamRuns, listRedteamTargets, startRedteamRun } from "@core/api/redteam";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answer, failWith } from "@/test/contract-handler";
import { server } from "@/test/msw-server";
import { renderWithApp } from "@/test/render";
import { runFixture } from "../testing/fixtures";
import { StartRunDialog } from "./start-run-dialog";

const offer = {
  data: [
    {
      id: "gateway",
      kind: "gateway" as const,
      name: "through this gateway",
      url: "http://127.0.0.1:8787/v1",
      models: [],
      defaultModel: null,
    },
    {
      id: "upstream:openai",
      kind: "upstream" as const,
      name: "openai (directly, no policy)",
      url: "https://api.openai.com/v1",
      models: ["gpt-4o-mini", "gpt-*"],
      defaultModel: "gpt-4o-mini",
    },
  ],
  probePacks: [
    {
      name: "system-prompt-extraction",
      description: "Attempts to make the model reveal its system prompt.",
      probes: ["spe-direct"],
      baseCases: 30,
    },
    { name: "jailbreak", description: "Jailbreak wrappers.", probes: ["jb-roleplay"], baseCases: 51 },
  ],
  strategies: [
    { id: "none", description: "the probe's prompt unchanged" },
    { id: "base64", description: "the prompt encoded in base64" },
    { id: "rot13", description: "the prompt in ROT13" },
  ],
  defaultStrategies: ["none", "base64"],
};

async function openForm() {
  server.use(answer(listRedteamTargets, offer), answer(listRedteamRuns, { data: [] }));
  const app = await renderWithApp(<StartRunDialog />, { role: "security" });
  await app.user.click(screen.getByRole("button", { name: "Start a run" }));
  await screen.findByRole("dialog", { name: "Start a red-team run" });
  await screen.findByLabelText("Target");
  return app;
}

describe("StartRunDialog", () => {
  it("asks for a model when the target serves patterns only, and sends nothing", async () => {
    let started = false;
    server.use(
      answer(startRedteamRun, () => {
        started = true;
        return runFixture({ status: "running" });
      }),
    );
    const { user } = await openForm();
    await user.click(screen.getByRole("button", { name: "Start the run" }));
    const model = screen.getByLabelText("Model");
    expect(model).toHaveAttribute("aria-invalid", "true");
    expect(model).toHaveAccessibleDescription(
      /serves model patterns only \(none listed\): name the model to attack/,
    );
    await user.clear(screen.getByLabelText("Seed"));
    await user.type(screen.getByLabelText("Seed"), "1.5");
    for (const strategy of ["none", "base64"])
      await user.click(screen.getByRole("checkbox", { name: strategy }));
    await user.click(screen.getByRole("button", { name: "Start the run" }));
    expect(screen.getByLabelText("Seed")).toHaveAccessibleDescription(
      "The seed is a whole number, 0 or more.",
    );
    expect(screen.getByText("Choose at least one strategy.")).toBeInTheDocument();
    expect(started).toBe(false);
  });

  it("sends the contract's body and closes when the run has started", async () => {
    let sent: unknown;
    server.use(
      answer(startRedteamRun, (request) => {
        void request
          .clone()
          .json()
          .then((body) => {
            sent = body;
          });
        return runFixture({ id: "rt_new", status: "running" });
      }),
    );
    const { user } = await openForm();
    await user.type(screen.getByLabelText("Model"), "demo-model");
    await user.click(screen.getByRole("checkbox", { name: "system-prompt-extraction (30 base cases)" }));
    await user.type(screen.getByLabelText("More probes"), "LLM05");
    expect(screen.getByRole("checkbox", { name: "base64" })).toHaveAccessibleDescription(
      "the prompt encoded in base64",
    );
    expect(screen.getByRole("checkbox", { name: "none" })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "base64" }));
    await user.clear(screen.getByLabelText("Seed"));
    await user.type(screen.getByLabelText("Seed"), "42");
    await user.click(screen.getByRole("button", { name: "Start the run" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(sent).toEqual({
      target: "gateway",
      model: "demo-model",
      probes: ["system-prompt-extraction", "LLM05"],
      strategies: ["none"],
      seed: 42,
    });
  });

  it("uses the target's default model when the field is left empty", async () => {
    let sent: { model?: string; target?: string } = {};
    server.use(
      answer(startRedteamRun, (request) => {
        void request
          .clone()
          .json()
          .then((body) => {
            sent = body;
          });
        return runFixture({ status: "running" });
      }),
    );
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText("Target"), "upstream:openai");
    expect(screen.getByLabelText("Model")).toHaveAccessibleDescription("Empty: gpt-4o-mini.");
    await user.click(screen.getByRole("button", { name: "Start the run" }));
    await waitFor(() => expect(sent.target).toBe("upstream:openai"));
    expect(sent.model).toBeUndefined();
  });

  it("shows the server's refusal in the form", async () => {
    server.use(
      failWith(
        startRedteamRun,
        429,
        "2 red-team runs are running on this server (at most 2)",
        "rate_limited",
      ),
    );
    const { user } = await openForm();
    await user.type(screen.getByLabelText("Model"), "demo-model");
    await user.click(screen.getByRole("button", { name: "Start the run" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The server refused the run: 2 red-team runs are running on this server (at most 2)",
    );
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});
