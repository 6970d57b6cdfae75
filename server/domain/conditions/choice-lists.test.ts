import { describe, expect, it } from "vitest";
import { conditionChoiceLists } from "./choice-lists";

describe("conditionChoiceLists", () => {
  it("lists départements, régions and countries with the codes the geographic fields store", () => {
    const fr = conditionChoiceLists("fr");
    expect(fr.departements.find((d) => d.value === "2A")?.label).toBe("2A – Corse-du-Sud");
    expect(fr.departements.find((d) => d.value === "976")?.label).toBe("976 – Mayotte");
    expect(fr.departements.findIndex((d) => d.value === "09")).toBeLessThan(fr.departements.findIndex((d) => d.value === "10"));
    expect(fr.regions.find((r) => r.value === "84")?.label).toBe("84 – Auvergne-Rhône-Alpes");
    expect(fr.regions).toHaveLength(18);
    expect(fr.pays.find((p) => p.value === "DE")?.label).toBe("Allemagne – DE");
    expect(conditionChoiceLists("en").pays.find((p) => p.value === "DE")?.label).toBe("Germany – DE");
    expect(new Set(fr.pays.map((p) => p.value)).size).toBe(fr.pays.length);
  });
});
