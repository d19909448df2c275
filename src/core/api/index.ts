export * from "./contract.js";
export * from "./session.js";
