import { z } from "zod";
import { endpoint } from "./contract.js";

/**
 * The effective policy: what the gateway enforces now (the policy file merged over the built-in
 * default, after the last reload), as the policy schema of docs/policy.md describes it.
 */
export const getEffectivePolicy = endpoint({
  method: "GET",
  path: "/api/v1/policy",
  scope: "policy:read",
  response: z.object({ policy: z.record(z.string(), z.unknown()) }),
});
