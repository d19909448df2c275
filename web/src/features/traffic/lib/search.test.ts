import { describe, expect, it } from "vitest";
import { eventsRequest, isFiltered, searchFrom, trafficSearchSchema } from "./search";

describe("trafficSearchSchema", () => {
  it("keeps valid filters as the URL carries them", () => {
    const search = trafficSearchSchema.parse({
      range: "24h",
      app: "support,billing",
      keyId: "key_1",
      model: "rampart-demo",
      verdict: "block,flag",
      kind: "gateway.decision",
      category: "prompt-injection",
      q: "req_",
    });
    expect(search).toEqual({
      range: "24h",
      from: undefined,
      to: undefined,
      app: "support,billing",
      keyId: "key_1",
      model: "rampart-demo",
      verdict: "block,flag",
      kind: "gateway.decision",
      category: "prompt-injection",
      q: "req_",
    });
    expect(isFiltered(search)).toBe(true);
  });

  it("drops values the contract refuses, so an edited link still opens", () => {
    const search = trafficSearchSchema.parse({
      range: "2y",
      from: "yesterday",
      verdict: "block,maybe,,block",
      category: "Prompt Injection,pii",
      kind: "nonsense",
      app: 42,
    });
    expect(search.range).toBeUndefined();
    expect(search.from).toBeUndefined();
    expect(search.verdict).toBe("block");
    expect(search.category).toBe("pii");
    expect(search.kind).toBeUndefined();
    expect(search.app).toBeUndefined();
  });

  it("is empty (unfiltered) for an empty search", () => {
    const search = trafficSearchSchema.parse({});
    expect(isFiltered(search)).toBe(false);
  });

  it("accepts times with a zone and refuses times without one", () => {
    const search = trafficSearchSchema.parse({ from: "2026-11-20T10:00:00.000Z", to: "2026-11-20T12:00:00" });
    expect(search.from).toBe("2026-11-20T10:00:00.000Z");
    expect(search.to).toBeUndefined();
  });
});

describe("searchFrom and eventsRequest", () => {
  const now = Date.parse("2026-11-20T12:00:00.000Z");

  it("turns a recent range into a start time at the moment of the first page", () => {
    expect(searchFrom(trafficSearchSchema.parse({ range: "1h" }), now)).toBe("2026-11-20T11:00:00.000Z");
    expect(searchFrom(trafficSearchSchema.parse({ range: "7d" }), now)).toBe("2026-11-13T12:00:00.000Z");
    expect(
      searchFrom(trafficSearchSchema.parse({ range: "1h", from: "2026-11-01T00:00:00.000Z" }), now),
    ).toBe("2026-11-01T00:00:00.000Z");
    expect(searchFrom(trafficSearchSchema.parse({}), now)).toBeUndefined();
  });

  it("builds the list request with only the filters set, the page size and the cursor", () => {
    const search = trafficSearchSchema.parse({
      verdict: "block",
      app: "support",
      to: "2026-11-20T12:00:00Z",
    });
    expect(eventsRequest(search, "2026-11-20T11:00:00.000Z", "cursor-1")).toEqual({
      limit: 200,
      from: "2026-11-20T11:00:00.000Z",
      to: "2026-11-20T12:00:00Z",
      verdict: "block",
      app: "support",
      cursor: "cursor-1",
    });
    expect(eventsRequest(trafficSearchSchema.parse({}), undefined, undefined)).toEqual({ limit: 200 });
  });
});
