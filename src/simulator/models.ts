import { SIMULATOR_CREATED } from "./request-identity.js";
import { ECHO_MODEL } from "./test-hooks.js";

/**
 * The model ids that `GET /v1/models` lists. The simulator answers any model name it is asked
 * for; these are the ones it advertises (for clients that pick from the list).
 */
export const DEMO_MODEL_IDS: readonly string[] = [
  "rampart-demo",
  ECHO_MODEL,
  "llama-3.1-8b-instruct",
  "qwen2.5-7b-instruct",
  "mistral-7b-instruct",
  "rampart-demo-embedding",
];

export function modelListBody(): string {
  return JSON.stringify({
    object: "list",
    data: DEMO_MODEL_IDS.map((id) => ({
      id,
      object: "model",
      created: SIMULATOR_CREATED,
      owned_by: "rampart",
    })),
  });
}
