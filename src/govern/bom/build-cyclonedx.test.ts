import { describe, expect, it } from "vitest";
import { starterGovernance } from "../as-code/starter-governance.js";
import { buildCycloneDx } from "./build-cyclonedx.js";
import { buildSpdx } from "./build-spdx.js";
import { validateCycloneDx16 } from "./test-support/validate-cyclonedx.js";

const input = {
  governance: starterGovernance("2026-11-01"),
  upstreams: [
    { name: "vllm", url: "http://127.0.0.1:8000/v1", models: ["llama-3-70b"] },
    { name: "hosted", url: "https://api.example.com/v1", models: ["hosted-gpt"] },
  ],
  redteam: [
    {
      model: "llama-3-70b",
      runId: "run-1",
      finishedAt: "2026-11-01T10:00:00.000Z",
      asrByOwasp: { LLM01: 0.125 },
    },
  ],
  toolVersion: "0.1.0",
  now: new Date("2026-11-01T12:00:00.000Z"),
  serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
};

describe("AI-BOM", () => {
  it("exports CycloneDX 1.6 that the CycloneDX library validates, with model cards from the records", async () => {
    const bom = buildCycloneDx(input);
    expect(await validateCycloneDx16(JSON.stringify(bom))).toBeNull();
    const text = JSON.stringify(bom);
    expect(text).toContain('"type":"machine-learning-model"');
    expect(text).toContain('"datasets":[{"ref":"dataset:internal-docs"}]');
    expect(text).toContain('"type":"attack-success-rate","value":"0.1250"');
    expect(bom.dependencies).toContainEqual({
      ref: "model:llama-3-70b",
      dependsOn: ["dataset:internal-docs", "service:vllm"],
    });
  });

  it("the validator rejects a broken document (the test can fail)", async () => {
    const bom = { ...buildCycloneDx(input), components: [{ type: "machine-learning-model-x", name: "x" }] };
    expect(await validateCycloneDx16(JSON.stringify(bom))).not.toBeNull();
  });

  it("exports SPDX 2.3 JSON with a package per asset and their relations", () => {
    const spdx = buildSpdx(input);
    expect(spdx.spdxVersion).toBe("SPDX-2.3");
    expect(JSON.stringify(spdx.relationships)).toContain(
      '"relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-model-llama-3-70b"',
    );
  });
});
