export * from "./contract.js";
export * from "./session.js";
export * from "./governance.js";
export * from "./redteam.js";
export * from "./compliance.js";
export * from "./settings.js";
