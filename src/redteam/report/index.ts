export * from "./build-run-report.js";
export * from "./read-run-report.js";
export * from "./run-report.js";
export * from "./summarize.js";
export * from "./wilson-interval.js";
