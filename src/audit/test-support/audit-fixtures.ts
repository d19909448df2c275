import { createPublicKey, generateKeyPairSync } from "node:crypto";
import type { DecisionEvent } from "../../core/index.js";
import type { Store } from "../../store/index.js";
import { createAuditRepository } from "../../store/repositories/audit-event-repository.js";
import { ChainWriter, type ChainWriterOptions } from "../chain-writer.js";
import { publicKeyId, type SigningKey } from "../signing-key.js";

/** A fresh Ed25519 key held in memory. */
export function testSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("ed25519");
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey), source: "test" };
}

/** A decision event; `index` varies the fields so events differ. */
export function sampleDecision(index: number, overrides: Partial<DecisionEvent> = {}): DecisionEvent {
  const blocked = index % 5 === 0;
  return {
    type: "gateway.decision",
    requestId: `req_${index}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    endpoint: "/v1/chat/completions",
    principal: { keyId: `key_${index % 3}`, role: "app", app: "shop", team: null },
    model: "llama-3-8b",
    upstream: "vllm",
    stream: index % 2 === 0,
    status: blocked ? 400 : 200,
    verdict: blocked ? "block" : "allow",
    inputVerdict: blocked ? "block" : "allow",
    outputVerdict: "allow",
    categories: blocked ? ["prompt-injection"] : [],
    findings: blocked
      ? [
          {
            detector: "prompt-injection",
            category: "prompt-injection",
            rule: "override",
            score: 0.97,
            direction: "input",
            start: 0,
            end: 12,
          },
        ]
      : [],
    skipped: [],
    errorCode: blocked ? "policy_violation" : null,
    usage: blocked ? null : { promptTokens: 12 + index, completionTokens: 30 },
    timings: { totalMs: 40.5, overheadMs: 1.25, upstreamMs: 39.25 },
    ...overrides,
  };
}

/** A writer on a store with test defaults (sync, no content, checkpoints every `every` events). */
export async function openTestWriter(
  store: Store,
  key: SigningKey,
  overrides: Partial<ChainWriterOptions> = {},
): Promise<ChainWriter> {
  return ChainWriter.open({
    repository: createAuditRepository(store.db),
    node: "node-a",
    signingKey: key,
    durability: "sync",
    contentMode: "none",
    checkpointEveryEvents: 4,
    ...overrides,
  });
}

/** Appends `count` decisions and waits for all of them to commit. */
export async function appendDecisions(writer: ChainWriter, count: number, from = 1): Promise<void> {
  const commits = [];
  for (let index = from; index < from + count; index += 1) {
    commits.push(
      writer.append({
        type: "gateway.decision",
        actor: { kind: "key", id: `key_${index % 3}` },
        payload: sampleDecision(index),
      }),
    );
  }
  await Promise.all(commits);
}
