import { listRedteamTargets } from "@core/api/redteam";
import { describe, expect, it } from "vitest";
import { concreteModels, runFormDefaults, runFormSchema } from "./run-form";

const targets = listRedteamTargets.response.parse({
  data: [
    {
      id: "gateway",
      kind: "gateway",
      name: "through this gateway",
      url: "http://x/v1",
      models: ["gpt-x"],
      defaultModel: "gpt-x",
    },
    {
      id: "upstream:demo",
      kind: "upstream",
      name: "demo",
      url: "http://y/v1",
      models: ["*"],
      defaultModel: null,
    },
  ],
  probePacks: [],
  strategies: [],
  defaultStrategies: ["none", "base64"],
}).data;

const valid = {
  target: "gateway",
  model: "",
  probes: ["system-prompt-extraction"],
  extraProbes: "",
  strategies: ["none"],
  seed: "7",
};

function issues(values: typeof valid) {
  const result = runFormSchema(targets).safeParse(values);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("the run form's schema", () => {
  it("turns the form into the contract's body, leaving out what the server defaults", () => {
    expect(runFormSchema(targets).parse(valid)).toEqual({
      target: "gateway",
      probes: ["system-prompt-extraction"],
      strategies: ["none"],
      seed: 7,
    });
    expect(
      runFormSchema(targets).parse({
        ...valid,
        model: " m1 ",
        probes: [],
        extraProbes: "spe-direct-01, LLM05 spe-direct-01",
        seed: "",
      }),
    ).toEqual({ target: "gateway", model: "m1", probes: ["spe-direct-01", "LLM05"], strategies: ["none"] });
  });

  it("needs a model for a target that serves patterns only", () => {
    expect(issues({ ...valid, target: "upstream:demo" })).toEqual([
      "model: demo serves model patterns only (*): name the model to attack.",
    ]);
    expect(issues({ ...valid, target: "upstream:demo", model: "demo-model" })).toEqual([]);
  });

  it("refuses no strategy, a seed that is not a whole number, and what the contract refuses", () => {
    expect(issues({ ...valid, strategies: [] })).toEqual(["strategies: Choose at least one strategy."]);
    expect(issues({ ...valid, seed: "-1" })).toEqual(["seed: The seed is a whole number, 0 or more."]);
    expect(issues({ ...valid, seed: "3000000000" })[0]).toMatch(/^seed: /);
    expect(issues({ ...valid, strategies: Array.from({ length: 21 }, (_, i) => `s${i}`) })[0]).toMatch(
      /^strategies: /,
    );
    expect(issues({ ...valid, extraProbes: "x".repeat(201) })[0]).toMatch(/^probes\.1: /);
    expect(issues({ ...valid, target: "upstream:gone" })).toEqual([
      "target: This target is no longer offered; reload.",
    ]);
  });

  it("starts with the first target, the server's default strategies and seed 1", () => {
    expect(runFormDefaults(targets, ["none", "base64"])).toEqual({
      target: "gateway",
      model: "",
      probes: [],
      extraProbes: "",
      strategies: ["none", "base64"],
      seed: "1",
    });
    expect(concreteModels(targets[1])).toEqual([]);
    expect(concreteModels(targets[0])).toEqual(["gpt-x"]);
  });
});
