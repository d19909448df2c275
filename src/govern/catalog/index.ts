export * from "./catalog-schema.js";
export * from "./load-catalog.js";
export * from "./validate-catalog.js";
