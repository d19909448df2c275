export * from "./alert-webhook.js";
export * from "./anomaly-monitor.js";
export * from "./ewma-baseline.js";
export * from "./monitor-rules.js";
export * from "./with-monitor.js";
