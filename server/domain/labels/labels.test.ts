import { describe, expect, it } from "vitest";
import { checkLabelInput, GENERIC_LABELS, LABEL_COLORS, labelColorToApi } from "./labels";

describe("label rules", () => {
  it("accepts a name of 30 characters and one of the ten colours, trimmed", () => {
    const result = checkLabelInput({ name: `  ${"a".repeat(30)}  `, color: "blue-ecume" }, []);
    expect(result).toEqual({ ok: true, value: { name: "a".repeat(30), color: "blue-ecume" } });
  });

  it("refuses a blank name, 31 characters, an unknown colour and a name already used", () => {
    expect(checkLabelInput({ name: "  ", color: "blue-ecume" }, [])).toMatchObject({
      ok: false,
      issues: [{ field: "name", code: "name_required" }],
    });
    expect(checkLabelInput({ name: "a".repeat(31), color: "blue-ecume" }, [])).toMatchObject({
      ok: false,
      issues: [{ field: "name", code: "name_too_long" }],
    });
    expect(checkLabelInput({ name: "Urgent", color: "red" }, [])).toMatchObject({
      ok: false,
      issues: [{ field: "color", code: "color_invalid" }],
    });
    expect(checkLabelInput({ name: "urgent", color: "blue-ecume" }, ["Urgent"])).toMatchObject({
      ok: false,
      issues: [{ field: "name", code: "name_taken" }],
    });
  });

  it("has the ten colours of the API enum and five generic labels of those colours", () => {
    expect(LABEL_COLORS.map(labelColorToApi).sort()).toEqual([
      "beige_gris_galet",
      "blue_ecume",
      "brown_cafe_creme",
      "green_bourgeon",
      "green_emeraude",
      "green_menthe",
      "green_tilleul_verveine",
      "pink_macaron",
      "purple_glycine",
      "yellow_tournesol",
    ]);
    expect(GENERIC_LABELS).toHaveLength(5);
    for (const label of GENERIC_LABELS) expect(LABEL_COLORS).toContain(label.color);
  });
});
