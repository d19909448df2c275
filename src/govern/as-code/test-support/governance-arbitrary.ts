import fc from "fast-check";
import type { Governance } from "../../records/governance-schema.js";
import { sha256Hex } from "../check-governance.js";

/** Arbitraries for valid governance folders (unique ids, a valid RACI, matching hashes, known references). */
const idArbitrary = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,11}$/);
const textArbitrary = fc.string({ maxLength: 40 });
const dateArbitrary = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const optionalDate = fc.oneof(fc.constant(""), dateArbitrary);
const ids = (max: number) => fc.uniqueArray(idArbitrary, { maxLength: max });

const raciArbitrary = fc
  .dictionary(
    idArbitrary,
    fc.tuple(ids(4), fc.constantFrom("C", "I", "R")).map(([roles, letter]) => {
      const row: Record<string, "R" | "A" | "C" | "I"> = { accountable: "A", responsible: "R" };
      for (const role of roles) if (!(role in row)) row[role] = letter as "R" | "C" | "I";
      return row;
    }),
    { maxKeys: 4 },
  )
  .map((chart) => chart);

export const governanceArbitrary: fc.Arbitrary<Governance> = fc
  .record({
    modelIds: ids(3),
    classIds: ids(3),
    riskIds: ids(3),
    policyIds: ids(2),
    promptTexts: fc.array(fc.string(), { maxLength: 2 }),
  })
  .chain(({ modelIds, classIds, riskIds, policyIds, promptTexts }) =>
    fc.record({
      assets: fc.record({
        models: fc.tuple(
          ...modelIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: textArbitrary.map((name) => `m ${name}`),
              version: textArbitrary,
              provider: textArbitrary,
              licence: textArbitrary,
              weightsHash: textArbitrary,
              deployment: fc.constantFrom("saas", "paas", "iaas", "on-premises"),
              location: textArbitrary,
              owner: textArbitrary,
              approvedBy: textArbitrary,
              riskTier: fc.constantFrom("prohibited", "high", "limited", "minimal"),
              generalPurpose: fc.boolean(),
              parameters: textArbitrary,
              responsibility: fc.dictionary(
                fc.constantFrom("ai-usage", "plugins", "infrastructure"),
                fc.constantFrom("customer", "provider", "shared"),
              ),
            }),
          ),
        ),
        datasets: ids(2).chain((datasetIds) =>
          fc.tuple(
            ...datasetIds.map((id) =>
              fc.record({
                id: fc.constant(id),
                name: fc.constant(`dataset ${id}`),
                sources: fc.array(textArbitrary, { maxLength: 2 }),
                licence: textArbitrary,
                classification: idArbitrary,
                personalData: fc.boolean(),
                owner: textArbitrary,
                trained: fc.subarray(modelIds),
                tuned: fc.subarray(modelIds),
                retrieval: fc.subarray(modelIds),
              }),
            ),
          ),
        ),
        applications: fc.constant([]),
        systemPrompts: fc.constant(
          promptTexts.map((text, index) => ({
            id: `prompt-${index}`,
            application: "app",
            version: index + 1,
            sha256: sha256Hex(text),
            text,
          })),
        ),
        vendors: fc.array(
          fc.record({
            id: fc.constant("vendor"),
            name: textArbitrary.map((n) => `v${n}`),
            services: fc.array(textArbitrary),
            reviewedAt: optionalDate,
            reviewDue: optionalDate,
          }),
          { maxLength: 1 },
        ),
        tools: fc.constant([]),
      }),
      raci: raciArbitrary,
      risks: fc.tuple(
        ...riskIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            title: fc.constant(`risk ${id}`),
            owasp: fc.subarray(["LLM01:2025", "LLM02:2025", "LLM10:2025"]),
            atlas: fc.subarray(["AML.T0051", "AML.T0054.000"]),
            assets: fc.subarray(modelIds),
            likelihood: fc.integer({ min: 1, max: 5 }),
            impact: fc.integer({ min: 1, max: 5 }),
            controls: fc.dictionary(idArbitrary, fc.double({ min: 0, max: 1, noNaN: true })),
            treatment: fc.constantFrom("mitigate", "accept", "transfer", "avoid"),
            status: fc.constantFrom("open", "treated", "accepted", "closed"),
            owner: textArbitrary,
            reviewDate: optionalDate,
            history: fc.array(
              fc.record({ at: textArbitrary, change: textArbitrary, reason: textArbitrary }),
              { maxLength: 2 },
            ),
          }),
        ),
      ),
      policies: fc.tuple(
        ...policyIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            title: fc.constant(`policy ${id}`),
            version: fc.integer({ min: 1, max: 9 }),
            state: fc.constantFrom("draft", "in-review", "approved", "retired"),
            approver: textArbitrary,
            approvedAt: optionalDate,
            reviewCycleDays: fc.integer({ min: 1, max: 730 }),
            text: fc.string({ maxLength: 200 }),
          }),
        ),
      ),
      classification: fc.tuple(
        ...classIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            level: fc.integer({ min: 0, max: 9 }),
            description: textArbitrary,
            handling: fc.array(textArbitrary, { maxLength: 2 }),
            usageLimits: fc.array(textArbitrary, { maxLength: 2 }),
          }),
        ),
      ),
      acceptableUse:
        classIds.length === 0
          ? fc.constant([])
          : fc.array(
              fc.record({
                role: idArbitrary,
                target: textArbitrary.map((t) => `t${t}`),
                dataClass: fc.constantFrom(...classIds),
                decision: fc.constantFrom("allowed", "conditional", "prohibited"),
              }),
              { maxLength: 4 },
            ),
      audits: fc.constant([]),
      training: fc.record({
        modules: fc.array(
          fc.record({
            id: fc.constant("module"),
            title: fc.constant("Module"),
            roles: ids(2),
            dueDays: fc.integer({ min: 1, max: 90 }),
          }),
          { maxLength: 1 },
        ),
        people: fc.dictionary(idArbitrary, idArbitrary, { maxKeys: 3 }),
        completions: fc.array(fc.record({ person: idArbitrary, module: idArbitrary, at: dateArbitrary }), {
          maxLength: 2,
        }),
      }),
      attestations: fc.array(
        fc.record({
          framework: fc.constant("owasp-llm-2025"),
          requirement: fc.constant("LLM01"),
          status: fc.constantFrom("attested", "not-applicable"),
          by: fc.constant("ciso"),
          at: fc.constant("2026-01-01T00:00:00.000Z"),
          note: textArbitrary,
        }),
        { maxLength: 2 },
      ),
    }),
  ) as fc.Arbitrary<Governance>;
