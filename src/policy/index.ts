export * from "./decide.js";
export * from "./default-policy.js";
export * from "./load.js";
export * from "./merge.js";
export * from "./policy-scanner.js";
export * from "./redact-text.js";
export * from "./schema.js";
export * from "./validate.js";
