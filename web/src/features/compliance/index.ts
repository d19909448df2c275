export { complianceSummaryQuery, frameworkReportQuery } from "./api/queries";
export { CompliancePage } from "./components/compliance-page";
export { FrameworkPage } from "./components/framework-page";
export { type FrameworkSearch, frameworkSearchSchema } from "./lib/requirements";
