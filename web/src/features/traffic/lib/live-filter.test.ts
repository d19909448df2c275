import { describe, expect, it } from "vitest";
import { rowFixture } from "../testing/fixtures";
import { matchesSearch } from "./live-filter";
import { trafficSearchSchema } from "./search";

const search = (value: Record<string, string>) => trafficSearchSchema.parse(value);

describe("matchesSearch", () => {
  const blocked = rowFixture({
    verdict: "block",
    categories: ["prompt-injection", "pii"],
    requestId: "req_ABC",
  });

  it("matches every row without filters", () => {
    expect(matchesSearch(blocked, search({}), undefined)).toBe(true);
  });

  it("matches a list filter on any of its values", () => {
    expect(matchesSearch(blocked, search({ verdict: "flag,block" }), undefined)).toBe(true);
    expect(matchesSearch(blocked, search({ verdict: "allow" }), undefined)).toBe(false);
    expect(matchesSearch(blocked, search({ category: "pii" }), undefined)).toBe(true);
    expect(matchesSearch(blocked, search({ category: "secrets" }), undefined)).toBe(false);
    expect(matchesSearch(blocked, search({ app: "support" }), undefined)).toBe(true);
    expect(matchesSearch(blocked, search({ keyId: "key_support" }), undefined)).toBe(true);
    expect(matchesSearch(blocked, search({ keyId: "key_other" }), undefined)).toBe(false);
    expect(matchesSearch(blocked, search({ model: "other" }), undefined)).toBe(false);
  });

  it("needs every filter to match", () => {
    expect(matchesSearch(blocked, search({ verdict: "block", app: "billing" }), undefined)).toBe(false);
  });

  it("leaves out rows without the filtered field (a management change has no verdict)", () => {
    const change = rowFixture({ kind: "management.change", verdict: null, app: null, action: "key.revoke" });
    expect(matchesSearch(change, search({ verdict: "block" }), undefined)).toBe(false);
    expect(matchesSearch(change, search({ kind: "management.change" }), undefined)).toBe(true);
  });

  it("applies the time filter: from inclusive, to exclusive", () => {
    const at = rowFixture({ at: "2026-11-20T10:00:00.000Z" });
    expect(matchesSearch(at, search({}), "2026-11-20T10:00:00.000Z")).toBe(true);
    expect(matchesSearch(at, search({}), "2026-11-20T10:00:00.001Z")).toBe(false);
    expect(matchesSearch(at, search({ to: "2026-11-20T10:00:00.000Z" }), undefined)).toBe(false);
    expect(matchesSearch(at, search({ to: "2026-11-20T10:00:01Z" }), undefined)).toBe(true);
  });

  it("finds a part of the request id, ignoring case", () => {
    expect(matchesSearch(blocked, search({ q: "abc" }), undefined)).toBe(true);
    expect(matchesSearch(blocked, search({ q: "xyz" }), undefined)).toBe(false);
  });
});
