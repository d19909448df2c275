export * from "./active-containments.js";
export * from "./art73-clock.js";
export * from "./containment.js";
export * from "./incident-report.js";
export * from "./incident-service.js";
export * from "./playbook-steps.js";
export * from "./playbooks.js";
export * from "./status-workflow.js";
