import { randomUUID } from "node:crypto";
import type { Governance } from "../records/governance-schema.js";
import { responsibilityFor } from "../records/shared-responsibility.js";

/** An upstream the gateway calls: a service in the BOM. */
export interface BomUpstream {
  readonly name: string;
  readonly url: string;
  readonly models: readonly string[];
}

/** Red-team attack success rates for one model, by OWASP LLM 2025 id. */
export interface BomRedteamResult {
  readonly model: string;
  readonly runId: string;
  readonly finishedAt: string;
  readonly asrByOwasp: Readonly<Record<string, number>>;
}

export interface BomInput {
  readonly governance: Governance;
  readonly upstreams: readonly BomUpstream[];
  readonly redteam: readonly BomRedteamResult[];
  readonly toolVersion: string;
  readonly now: Date;
  /** urn:uuid serial; a fresh one when absent */
  readonly serialNumber?: string;
}

/** A SHA-256 weights hash, as CycloneDX hashes take it. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

const modelRef = (id: string): string => `model:${id}`;
const datasetRef = (id: string): string => `dataset:${id}`;
const applicationRef = (id: string): string => `application:${id}`;
const serviceRef = (name: string): string => `service:${name}`;

function property(name: string, value: string): { name: string; value: string } {
  return { name: `rampart:${name}`, value };
}

/** The AI-BOM as a CycloneDX 1.6 JSON document (plain data, ready for JSON.stringify). */
export function buildCycloneDx(input: BomInput): Record<string, unknown> {
  const { governance, upstreams } = input;
  const { models, datasets, applications } = governance.assets;
  const modelComponents = models.map((model) => {
    const feeding = datasets.filter((d) => [...d.trained, ...d.tuned, ...d.retrieval].includes(model.id));
    const results = input.redteam.filter(
      (result) => result.model === model.id || result.model === model.name,
    );
    const risks = governance.risks.filter((risk) => risk.assets.includes(model.id));
    return {
      type: "machine-learning-model",
      "bom-ref": modelRef(model.id),
      name: model.name,
      ...(model.version === "" ? {} : { version: model.version }),
      ...(model.provider === "" ? {} : { supplier: { name: model.provider } }),
      ...(model.licence === "" ? {} : { licenses: [{ license: { name: model.licence } }] }),
      ...(SHA256_HEX.test(model.weightsHash)
        ? { hashes: [{ alg: "SHA-256", content: model.weightsHash }] }
        : {}),
      properties: [
        property("deployment", model.deployment),
        property("location", model.location),
        property("owner", model.owner),
        property("eu-ai-act-risk-tier", model.riskTier),
        property("general-purpose", String(model.generalPurpose)),
        ...(model.parameters === "" ? [] : [property("parameters", model.parameters)]),
        ...Object.entries(responsibilityFor(model)).map(([layer, party]) =>
          property(`responsibility:${layer}`, party),
        ),
      ],
      modelCard: {
        modelParameters: {
          task: "text-generation",
          datasets: feeding.map((dataset) => ({ ref: datasetRef(dataset.id) })),
        },
        quantitativeAnalysis: {
          performanceMetrics: results.flatMap((result) =>
            Object.entries(result.asrByOwasp).map(([owasp, asr]) => ({
              type: "attack-success-rate",
              value: asr.toFixed(4),
              slice: `${owasp} (red-team run ${result.runId}, ${result.finishedAt})`,
            })),
          ),
        },
        considerations: {
          technicalLimitations: risks.map((risk) => risk.title),
          ethicalConsiderations: risks.map((risk) => ({
            name: risk.title,
            mitigationStrategy: `${risk.treatment}: ${Object.keys(risk.controls).join(", ") || "no control linked"}`,
          })),
        },
      },
    };
  });
  const dataComponents = datasets.map((dataset) => ({
    type: "data",
    "bom-ref": datasetRef(dataset.id),
    name: dataset.name,
    ...(dataset.licence === "" ? {} : { licenses: [{ license: { name: dataset.licence } }] }),
    data: [
      {
        type: "dataset",
        name: dataset.name,
        classification: dataset.classification,
        ...(dataset.personalData ? { sensitiveData: ["personal data"] } : {}),
        ...(dataset.sources.length === 0 ? {} : { description: `sources: ${dataset.sources.join(", ")}` }),
      },
    ],
  }));
  const applicationComponents = applications.map((application) => ({
    type: "application",
    "bom-ref": applicationRef(application.id),
    name: application.name,
    properties: [property("owner", application.owner), property("eu-ai-act-risk-tier", application.riskTier)],
  }));
  const services = upstreams.map((upstream) => ({
    "bom-ref": serviceRef(upstream.name),
    name: upstream.name,
    endpoints: [upstream.url],
    properties: upstream.models.map((model) => property("model", model)),
  }));
  const known = new Set([...models.map((m) => modelRef(m.id)), ...datasets.map((d) => datasetRef(d.id))]);
  const servedBy = (model: { id: string; name: string }): string[] =>
    upstreams
      .filter((u) =>
        u.models.some(
          (pattern) =>
            pattern === "*" ||
            pattern === model.id ||
            pattern === model.name ||
            (pattern.endsWith("*") && model.id.startsWith(pattern.slice(0, -1))),
        ),
      )
      .map((u) => serviceRef(u.name));
  const dependencies = [
    ...applications.map((application) => ({
      ref: applicationRef(application.id),
      dependsOn: application.models.map(modelRef).filter((ref) => known.has(ref)),
    })),
    ...models.map((model) => ({
      ref: modelRef(model.id),
      dependsOn: [
        ...datasets
          .filter((d) => [...d.trained, ...d.tuned, ...d.retrieval].includes(model.id))
          .map((d) => datasetRef(d.id)),
        ...servedBy(model),
      ],
    })),
    ...datasets.map((dataset) => ({ ref: datasetRef(dataset.id), dependsOn: [] })),
    ...services.map((service) => ({ ref: service["bom-ref"], dependsOn: [] })),
  ];
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: input.serialNumber ?? `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: input.now.toISOString(),
      tools: { components: [{ type: "application", name: "rampart", version: input.toolVersion }] },
    },
    components: [...modelComponents, ...dataComponents, ...applicationComponents],
    services,
    dependencies,
  };
}
