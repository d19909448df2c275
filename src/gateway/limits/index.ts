export type { Counter, CounterStore, TakeOutcome } from "./counter-store.js";
export type { LimitPlan, LimitRejection, LimitsPrincipal, LimitsRequest } from "./limit-plan.js";
export { planLimits, strictestPromptLimit } from "./limit-plan.js";
export { LimitReservation, type TokenUsage } from "./limit-reservation.js";
export {
  type LimitName,
  type LimitScope,
  type Limits,
  limitNames,
  limitScopes,
  limitsSchema,
  type ScopedLimits,
  scopedLimitsSchema,
} from "./limits-schema.js";
export { type LimitDecision, LimitsService, type LimitsServiceOptions } from "./limits-service.js";
export { MemoryCounterStore } from "./memory-counter-store.js";
export { RedisCounterStore } from "./redis-counter-store.js";
