import { describe, expect, it } from "vitest";
import { checkTools, toolRulesSchema } from "./acceptable-use.js";
import { highImpactTools, toolImpacts, toolNameWords } from "./tool-risk.js";

describe("high-impact tools", () => {
  it("splits names in any style into words", () => {
    expect(toolNameWords("deleteUserRecords")).toBe("delete user records");
    expect(toolNameWords("send-email_v2")).toBe("send email v2");
  });

  it("recognises deletion, payment, execution, access changes and outbound messages", () => {
    expect(toolImpacts("purge_cache")).toEqual(["delete"]);
    expect(toolImpacts("make_transfer", "Move money between two accounts.")).toContain("payment");
    expect(toolImpacts("runShellCommand")).toContain("execute");
    expect(toolImpacts("set_role", "Grant a user administrator rights.")).toContain("access");
    expect(toolImpacts("notify", "Send a message to any phone number.")).toEqual(["outbound"]);
  });

  it("leaves read-only tools alone and reads only a description's first sentence", () => {
    expect(toolImpacts("get_weather", "Look up the weather for a city.")).toEqual([]);
    expect(toolImpacts("search_docs", "Search the manual. Results can be shared later.")).toEqual([]);
    expect(toolImpacts("format_date", "Format a date for display.")).toEqual([]);
    expect([
      ...highImpactTools([
        { name: "lookup_order" },
        { name: "delete_order", description: "Delete an order." },
      ]),
    ]).toEqual(["delete_order"]);
  });

  it("makes a call of a high-impact tool need approval unless the rules allow it", () => {
    const approve = toolRulesSchema.parse({});
    const high = new Set(["delete_order"]);
    expect(checkTools(approve, ["delete_order"], new Set(), high)).toEqual({
      ok: false,
      tool: "delete_order",
      reason: "high-impact",
    });
    expect(checkTools(approve, ["delete_order"], new Set(["delete_order"]), high).ok).toBe(true);
    expect(checkTools(approve, ["lookup_order"], new Set(), high).ok).toBe(true);
    expect(
      checkTools(toolRulesSchema.parse({ highImpact: "allow" }), ["delete_order"], new Set(), high).ok,
    ).toBe(true);
  });
});
