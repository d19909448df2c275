export { auditEventQuery, auditEventsQuery, auditKeys } from "./api/queries";
export { EventPage } from "./components/event-page";
export { TrafficPage } from "./components/traffic-page";
export { type TrafficSearch, trafficSearchSchema } from "./lib/search";
