import { describe, expect, it } from "vitest";
import { quotedLibelles } from "./libelles";

describe("quotedLibelles", () => {
  it("quotes each libellé with non-breaking spaces and separates them with commas", () => {
    expect(quotedLibelles(["Montant", "Avis de l’instructeur"])).toBe(
      "«\u00a0Montant\u00a0», «\u00a0Avis de l’instructeur\u00a0»",
    );
  });

  it("gives an empty text for no libellé", () => {
    expect(quotedLibelles([])).toBe("");
  });
});
