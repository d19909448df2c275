import { modelSchema, riskSchema } from "@core/api/governance";
import { describe, expect, it } from "vitest";
import { assetFields, emptyAssets } from "./asset-kinds";
import { errorFor, formValuesOf, recordFormSchema, recordOf, serverFieldError } from "./record-form";
import { emptyRisk, riskFields } from "./record-specs";

const model = {
  id: "llama-3-70b",
  name: "Llama 3.1 70B Instruct",
  version: "3.1",
  provider: "Meta",
  licence: "Llama 3.1 Community License",
  weightsHash: "",
  deployment: "on-premises",
  location: "own data centre",
  owner: "ml-lead",
  approvedBy: "ciso",
  riskTier: "limited",
  generalPurpose: true,
  parameters: "70B",
  responsibility: { "model-safety": "shared" },
};

describe("record forms", () => {
  it("turns a record into form values and back without loss", () => {
    const values = formValuesOf(assetFields.models, model);
    expect(values.generalPurpose).toBe(true);
    expect(values["responsibility:model-safety"]).toBe("shared");
    expect(values["responsibility:plugins"]).toBe("");
    expect(recordOf(assetFields.models, values, model)).toEqual(model);
  });

  it("parses lists, numbers and control pairs, and leaves empty overrides out", () => {
    const values = {
      ...formValuesOf(riskFields, emptyRisk),
      id: " prompt-injection ",
      title: "Prompt injection",
      likelihood: "4",
      controls: "input-scanning=0.5, pii-redaction = 0.25",
      owasp: "LLM01:2025,\nLLM02:2025",
    };
    const record = recordOf(riskFields, values, emptyRisk);
    expect(record).toMatchObject({
      id: "prompt-injection",
      likelihood: 4,
      controls: { "input-scanning": 0.5, "pii-redaction": 0.25 },
      owasp: ["LLM01:2025", "LLM02:2025"],
      history: [],
    });
    const withOverride = recordOf(
      assetFields.models,
      { ...formValuesOf(assetFields.models, model), "responsibility:model-safety": "" },
      model,
    );
    expect(withOverride.responsibility).toEqual({});
  });

  it("checks the record with the contract's schema and reports errors under the field", () => {
    const schema = recordFormSchema(riskFields, riskSchema, emptyRisk);
    const values = { ...formValuesOf(riskFields, emptyRisk), id: "Bad Id", title: "", owasp: "LLM11:2025" };
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["id", "title", "owasp.0"]));
    // react-hook-form nests list errors per item; the field shows the first
    const errors = { owasp: [{ message: "OWASP LLM 2025 ids look like LLM01:2025", type: "custom" }] };
    const owasp = riskFields.find((field) => field.name === "owasp");
    expect(owasp && errorFor(errors, owasp)).toBe("OWASP LLM 2025 ids look like LLM01:2025");
  });

  it("refuses a malformed control list before building the record", () => {
    const schema = recordFormSchema(riskFields, riskSchema, emptyRisk);
    const result = schema.safeParse({
      ...formValuesOf(riskFields, emptyRisk),
      id: "x",
      title: "x",
      controls: "input-scanning: half",
    });
    expect(result.error?.issues[0]?.path).toEqual(["controls"]);
    expect(result.error?.issues[0]?.message).toMatch(/id=effectiveness pairs/);
  });

  it("accepts an empty new model once the required fields are typed", () => {
    const schema = recordFormSchema(assetFields.models, modelSchema, emptyAssets.models);
    const values = { ...formValuesOf(assetFields.models, emptyAssets.models), id: "m", name: "M" };
    expect(schema.safeParse(values).success).toBe(true);
  });
});

describe("serverFieldError", () => {
  const fields = [...assetFields.datasets, ...assetFields.models];

  it("finds the field of a body validation error", () => {
    expect(serverFieldError("body/likelihood Too big: expected number to be <=5", riskFields)).toEqual({
      name: "likelihood",
      message: "Too big: expected number to be <=5",
    });
    expect(serverFieldError("body/trained/0 ids are lower-case letters", fields)?.name).toBe("trained");
  });

  it("finds the field of a whole-register rule, past the section and index", () => {
    expect(
      serverFieldError('assets.yaml: datasets.0.retrieval: unknown model "llama-3-70b"', fields),
    ).toEqual({
      name: "retrieval",
      message: 'unknown model "llama-3-70b"',
    });
    expect(serverFieldError("assets.yaml: models.1.responsibility.model-safety: bad", fields)?.name).toBe(
      "responsibility:model-safety",
    );
  });

  it("finds the field a route names, and nothing for other messages", () => {
    expect(serverFieldError("id: a model with id llama-3-70b already exists", fields)).toEqual({
      name: "id",
      message: "a model with id llama-3-70b already exists",
    });
    expect(serverFieldError("raci.yaml: audits: has 2 accountable roles (A)", fields)).toBeNull();
    expect(serverFieldError("storage is unavailable", fields)).toBeNull();
  });
});
