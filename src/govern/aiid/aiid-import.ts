import { z } from "zod";
import { RampartError } from "../../core/index.js";
import type { Governance } from "../records/governance-schema.js";
import { parseCsv } from "./csv.js";

/** One AI Incident Database incident, as cited from Rampart incidents and risks. */
export interface AiidIncident {
  readonly incidentId: number;
  readonly date: string;
  readonly title: string;
  readonly description: string;
  readonly deployers: readonly string[];
  readonly developers: readonly string[];
  readonly harmedParties: readonly string[];
  readonly reportCount: number;
  /** the stable citation address */
  readonly citeUrl: string;
}

/** The columns of incidents.csv in AIID's weekly snapshot that the importer reads. */
const COLUMNS = {
  id: "incident_id",
  date: "date",
  reports: "reports",
  deployers: "Alleged deployer of AI system",
  developers: "Alleged developer of AI system",
  harmed: "Alleged harmed or nearly harmed parties",
  description: "description",
  title: "title",
} as const;

const listCellSchema = z.array(z.union([z.string(), z.number()]));

/** A list cell: a JSON array (`["openai","microsoft"]`, `[1,2]`) or comma-separated words. */
function listCell(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("[")) {
    try {
      const parsed = listCellSchema.safeParse(JSON.parse(trimmed));
      if (parsed.success) return parsed.data.map(String);
    } catch {
      // not JSON: fall through to the comma split
    }
    return trimmed
      .slice(1, -1)
      .split(",")
      .map((item) => item.trim().replace(/^['"]|['"]$/g, ""))
      .filter(Boolean);
  }
  return trimmed
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Parses AIID's incidents.csv; a missing column or a non-numeric incident id is a usage error. */
export function importAiidIncidents(csv: string): AiidIncident[] {
  const [header, ...rows] = parseCsv(csv);
  if (header === undefined) return [];
  const at = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, name]) => {
      const index = header.indexOf(name);
      if (index < 0) throw new RampartError("usage", `AIID incidents.csv: column "${name}" is missing`);
      return [key, index];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  return rows
    .filter((row) => row.some((cell) => cell !== ""))
    .map((row, index) => {
      const cell = (key: keyof typeof COLUMNS): string => row[at[key]] ?? "";
      const incidentId = Number(cell("id"));
      if (!Number.isInteger(incidentId) || incidentId <= 0)
        throw new RampartError(
          "usage",
          `AIID incidents.csv row ${index + 2}: incident_id "${cell("id")}" is not a number`,
        );
      return {
        incidentId,
        date: cell("date"),
        title: cell("title"),
        description: cell("description"),
        deployers: listCell(cell("deployers")),
        developers: listCell(cell("developers")),
        harmedParties: listCell(cell("harmed")),
        reportCount: listCell(cell("reports")).length,
        citeUrl: `https://incidentdatabase.ai/cite/${incidentId}`,
      };
    });
}

/** AIID entity ids are lower-case words joined by dashes ("meta-platforms"); names are compared so. */
function entityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Incidents whose deployer or developer names one of the organisation's vendors or model providers. */
export function incidentsInvolvingInventory(
  incidents: readonly AiidIncident[],
  governance: Pick<Governance, "assets">,
): { incident: AiidIncident; matches: string[] }[] {
  const names = new Map<string, string[]>();
  const add = (name: string, what: string): void => {
    names.set(entityKey(name), [...(names.get(entityKey(name)) ?? []), what]);
  };
  for (const vendor of governance.assets.vendors) add(vendor.name, `vendor ${vendor.id}`);
  for (const model of governance.assets.models)
    if (model.provider !== "") add(model.provider, `model ${model.id}`);
  return incidents.flatMap((incident) => {
    const matches = [...incident.deployers, ...incident.developers].flatMap(
      (entity) => names.get(entityKey(entity)) ?? [],
    );
    return matches.length === 0 ? [] : [{ incident, matches: [...new Set(matches)] }];
  });
}
