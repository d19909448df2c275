import { lazy } from "react";

export { auditEventQuery, auditEventsQuery, auditKeys } from "./api/queries";
export { type TrafficSearch, trafficSearchSchema } from "./lib/search";

// Pages load as their own chunks: a route's loader imports this file for its queries and search
// schema, and must not pull the page (the table, the virtualiser, the stream) into the first bundle.
export const TrafficPage = lazy(() =>
  import("./components/traffic-page").then((module) => ({ default: module.TrafficPage })),
);
export const EventPage = lazy(() =>
  import("./components/event-page").then((module) => ({ default: module.EventPage })),
);
