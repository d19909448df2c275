export * from "./decision-event.js";
export * from "./errors.js";
export * from "./finding.js";
export * from "./http-errors.js";
export * from "./ids.js";
export * from "./mask.js";
export * from "./roles.js";
