import { describe, expect, it } from "vitest";
import { newId, newOrderedId } from "./ids.js";

describe("ids", () => {
  it("newId is prefixed and unique", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId("key")));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^key_[0-9a-f]{32}$/);
  });

  it("newOrderedId sorts in creation order, also within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newOrderedId("tle"));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
