import { vard } from "@andersmyrmel/vard";
import { checkInjection, checkJailbreak } from "llm_guardrail";

/** A detector under comparison: a score in [0, 1] and its own yes/no decision. */
export interface Judgement {
  readonly score: number;
  readonly flagged: boolean;
}

export interface Competitor {
  readonly name: string;
  judge(text: string): Promise<Judgement>;
}

/** vard with its moderate preset; the length limit is lifted so only the content is judged. */
const vardChecker = vard.moderate().maxLength(10_000_000);

export const vardCompetitor: Competitor = {
  name: "vard 1.2.0",
  async judge(text) {
    const result = vardChecker.safeParse(text);
    if (result.safe) return { score: 0, flagged: false };
    return { score: Math.max(0, ...result.threats.map((threat) => threat.severity)), flagged: true };
  },
};

/** llm_guardrail: its injection and jailbreak models; flagged when either says so. */
export const llmGuardrailCompetitor: Competitor = {
  name: "llm_guardrail 2.1.2",
  async judge(text) {
    const [injection, jailbreak] = await Promise.all([checkInjection(text), checkJailbreak(text)]);
    return {
      score: Math.max(injection.confidence, jailbreak.confidence),
      flagged: injection.detected || jailbreak.detected,
    };
  },
};

export const competitors: readonly Competitor[] = [vardCompetitor, llmGuardrailCompetitor];
