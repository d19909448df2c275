import type { LoadedConfig } from "../config/index.js";
import type { ContentGuard } from "../gateway/guard.js";
import { markerGuard } from "../gateway/test-support/marker-guard.js";

// TEMPORARY (not committed): replaced by the policy guard once the engine and policy land
export async function createGuard(_loaded: LoadedConfig): Promise<ContentGuard> {
  return markerGuard();
}
