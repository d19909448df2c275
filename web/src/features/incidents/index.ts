export { incidentDetailQuery, incidentListQuery } from "./api/queries";
export { IncidentDetailPage } from "./components/incident-detail-page";
export { IncidentsPage } from "./components/incidents-page";
