export * from "./errors.js";
export * from "./finding.js";
export * from "./ids.js";
export * from "./mask.js";
