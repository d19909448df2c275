import { randomUUID } from "node:crypto";
import type { BomInput } from "./build-cyclonedx.js";

/** SPDX ids allow letters, digits, '.' and '-' only. */
const SPDX_ID_UNSAFE = /[^A-Za-z0-9.-]/g;
const spdxId = (kind: string, id: string): string => `SPDXRef-${kind}-${id.replace(SPDX_ID_UNSAFE, "-")}`;

/** The AI inventory as an SPDX 2.3 JSON document: one package per model, dataset and application. */
export function buildSpdx(input: BomInput): Record<string, unknown> {
  const { models, datasets, applications } = input.governance.assets;
  const packages = [
    ...models.map((model) => ({
      SPDXID: spdxId("model", model.id),
      name: model.name,
      versionInfo: model.version === "" ? "NOASSERTION" : model.version,
      supplier: model.provider === "" ? "NOASSERTION" : `Organization: ${model.provider}`,
      downloadLocation: "NOASSERTION",
      filesAnalyzed: false,
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
      copyrightText: "NOASSERTION",
      primaryPackagePurpose: "OTHER",
      comment: `machine-learning model; licence: ${model.licence}; deployment: ${model.deployment}; EU AI Act tier: ${model.riskTier}`,
    })),
    ...datasets.map((dataset) => ({
      SPDXID: spdxId("dataset", dataset.id),
      name: dataset.name,
      downloadLocation: "NOASSERTION",
      filesAnalyzed: false,
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
      copyrightText: "NOASSERTION",
      primaryPackagePurpose: "OTHER",
      comment: `dataset; classification: ${dataset.classification}; personal data: ${dataset.personalData}`,
    })),
    ...applications.map((application) => ({
      SPDXID: spdxId("application", application.id),
      name: application.name,
      downloadLocation: "NOASSERTION",
      filesAnalyzed: false,
      licenseConcluded: "NOASSERTION",
      licenseDeclared: "NOASSERTION",
      copyrightText: "NOASSERTION",
      primaryPackagePurpose: "APPLICATION",
    })),
  ];
  const relationships = [
    ...packages.map((item) => ({
      spdxElementId: "SPDXRef-DOCUMENT",
      relationshipType: "DESCRIBES",
      relatedSpdxElement: item.SPDXID,
    })),
    ...applications.flatMap((application) =>
      application.models.map((model) => ({
        spdxElementId: spdxId("application", application.id),
        relationshipType: "DEPENDS_ON",
        relatedSpdxElement: spdxId("model", model),
      })),
    ),
    ...datasets.flatMap((dataset) =>
      [...dataset.trained, ...dataset.tuned].map((model) => ({
        spdxElementId: spdxId("dataset", dataset.id),
        relationshipType: "TRAINING_DATASET_OF" as string,
        relatedSpdxElement: spdxId("model", model),
      })),
    ),
  ];
  return {
    spdxVersion: "SPDX-2.3",
    dataLicense: "CC0-1.0",
    SPDXID: "SPDXRef-DOCUMENT",
    name: "rampart-ai-bom",
    documentNamespace: `https://rampart.invalid/spdx/${input.serialNumber?.replace("urn:uuid:", "") ?? randomUUID()}`,
    creationInfo: {
      created: `${input.now.toISOString().slice(0, 19)}Z`,
      creators: [`Tool: rampart-${input.toolVersion}`],
    },
    packages,
    relationships,
  };
}
