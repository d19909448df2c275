/** Types for the untyped `llm_guardrail` package (a devDependency used only for comparison). */
declare module "llm_guardrail" {
  export interface GuardrailResult {
    readonly allowed: boolean;
    readonly detected: boolean;
    readonly prediction: number;
    readonly confidence: number;
  }
  export function checkInjection(prompt: string): Promise<GuardrailResult>;
  export function checkJailbreak(prompt: string): Promise<GuardrailResult>;
  export function checkMalicious(prompt: string): Promise<GuardrailResult>;
}
