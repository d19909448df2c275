import { describe, expect, it } from "vitest";
import { type FilterFormValues, formValuesOf, searchFromForm, toLocalInput } from "./filter-form";
import { trafficSearchSchema } from "./search";

const empty: FilterFormValues = {
  time: "",
  from: "",
  to: "",
  verdict: [],
  kind: "",
  app: "",
  keyId: "",
  model: "",
  category: "",
  q: "",
};

describe("the filter form", () => {
  it("round-trips a search through the form's fields", () => {
    const search = trafficSearchSchema.parse({
      from: "2026-11-20T10:00:00.000Z",
      to: "2026-11-20T12:30:00.000Z",
      verdict: "block,flag",
      app: "support",
      category: "prompt-injection,pii",
    });
    const values = formValuesOf(search);
    expect(values.time).toBe("custom");
    expect(values.from).toBe("2026-11-20T10:00");
    expect(values.verdict).toEqual(["block", "flag"]);
    const back = searchFromForm(values);
    expect(back.errors).toEqual({});
    expect(back.search).toEqual(search);
  });

  it("keeps a recent range and leaves out empty fields", () => {
    const { search, errors } = searchFromForm({ ...empty, time: "1h", model: " rampart-demo , " });
    expect(errors).toEqual({});
    expect(search).toEqual(trafficSearchSchema.parse({ range: "1h", model: "rampart-demo" }));
  });

  it("names the field and the value the contract refuses", () => {
    const { errors } = searchFromForm({ ...empty, category: "pii, Prompt Injection" });
    expect(errors.category).toBe('"Prompt Injection": must be a category such as prompt-injection');
  });

  it("wants From before To in a custom range", () => {
    const { errors } = searchFromForm({
      ...empty,
      time: "custom",
      from: "2026-11-20T12:00",
      to: "2026-11-20T10:00",
    });
    expect(errors.to).toBe("must be after From");
    expect(searchFromForm({ ...empty, time: "custom", from: "not a time" }).errors.from).toBe(
      "must be a date and time",
    );
  });

  it("reads datetime-local values as UTC", () => {
    expect(searchFromForm({ ...empty, time: "custom", from: "2026-11-20T10:00" }).search.from).toBe(
      "2026-11-20T10:00:00.000Z",
    );
    expect(toLocalInput(undefined)).toBe("");
  });
});
