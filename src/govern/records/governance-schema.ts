/**
 * The record schemas live in src/core/api/governance-records.ts, shared with the dashboard (pure zod,
 * browser-safe); the governance module uses them from here.
 */
export * from "../../core/api/governance-records.js";
