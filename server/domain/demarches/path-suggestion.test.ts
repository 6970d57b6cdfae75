import { describe, expect, it } from "vitest";
import { isGeneratedPath, slugifyLibelle, suggestPath } from "./path-suggestion";

describe("slugifyLibelle", () => {
  it.each([
    ["Demande d’aide à l’équipement (2024)", "demande-d-aide-a-l-equipement-2024"],
    ["  Œuvres d'art & Cœur  ", "oeuvres-d-art-coeur"],
    ["ÉCOLE--MATERNELLE", "ecole-maternelle"],
    ["Straße", "strasse"],
    ["日本語", "demarche"],
    ["A", "demarche-a"],
    ["", "demarche"],
  ])("%j → %j", (libelle, slug) => {
    expect(slugifyLibelle(libelle)).toBe(slug);
  });

  it("cuts at 50 characters without a trailing dash", () => {
    const slug = slugifyLibelle(`${"a".repeat(49)} bcd`);
    expect(slug).toBe("a".repeat(49));
    expect(slugifyLibelle("x".repeat(80))).toHaveLength(50);
  });

  it("always gives a valid path", () => {
    for (const libelle of ["é", "!!", "Subvention — été 2025 : 1ʳᵉ session", "a b"]) {
      expect(slugifyLibelle(libelle)).toMatch(/^[a-z0-9_-]{3,200}$/);
    }
  });
});

describe("suggestPath", () => {
  it("adds -2, -3… while the path is taken", () => {
    const taken = new Set(["subvention", "subvention-2"]);
    expect(suggestPath("Subvention", (p) => taken.has(p))).toBe("subvention-3");
    expect(suggestPath("Autre", (p) => taken.has(p))).toBe("autre");
  });
});

describe("isGeneratedPath", () => {
  it("recognises the random path given at creation", () => {
    expect(isGeneratedPath("0b7c1a3e-52f4-4c1e-9d7a-2f3b4c5d6e7f")).toBe(true);
    expect(isGeneratedPath(null)).toBe(true);
    expect(isGeneratedPath("subvention-2025")).toBe(false);
  });
});
