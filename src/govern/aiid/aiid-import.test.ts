import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { starterGovernance } from "../as-code/starter-governance.js";
import { importAiidIncidents, incidentsInvolvingInventory } from "./aiid-import.js";
import { parseCsv } from "./csv.js";

const fixture = readFileSync(new URL("./fixtures/incidents.csv", import.meta.url), "utf8");

describe("AIID import", () => {
  it("parses quoted CSV cells with commas, line breaks and doubled quotes", () => {
    expect(parseCsv('a,"b,c","d\ne","f""g"\r\n1,2,3,4\n')).toEqual([
      ["a", "b,c", "d\ne", 'f"g'],
      ["1", "2", "3", "4"],
    ]);
  });

  it("reads the snapshot's incidents.csv with ids, entities, report counts and citation links", () => {
    const incidents = importAiidIncidents(fixture);
    expect(incidents.map((i) => [i.incidentId, i.reportCount, i.deployers])).toEqual([
      [1, 3, ["example-bank"]],
      [2, 1, ["hosted-api-vendor"]],
    ]);
    expect(incidents[0]?.description).toContain("wrongly, that fees were waived.\nThe bank");
    expect(incidents[1]?.description).toContain('leak "internal" notes');
    expect(incidents[1]?.citeUrl).toBe("https://incidentdatabase.ai/cite/2");
  });

  it("finds incidents that involve the organisation's vendors", () => {
    const matches = incidentsInvolvingInventory(
      importAiidIncidents(fixture),
      starterGovernance("2026-11-01"),
    );
    expect(matches.map((m) => [m.incident.incidentId, m.matches])).toEqual([
      [2, ["vendor hosted-api-vendor", "model hosted-gpt"]],
    ]);
  });

  it("refuses a file without the incident columns", () => {
    expect(() => importAiidIncidents("id,title\n1,x\n")).toThrow(/column "incident_id" is missing/);
  });
});
