import { describe, expect, it } from "vitest";
import { translatePlural } from "./index";

describe("translatePlural", () => {
  it("uses the singular for 0 and 1 in French, the plural from 2", () => {
    expect(translatePlural("fr", "revisions.publication.openDossiers", 0)).toMatch(/^0 dossier non terminé passera/);
    expect(translatePlural("fr", "revisions.publication.openDossiers", 1)).toMatch(/^1 dossier non terminé passera/);
    expect(translatePlural("fr", "revisions.publication.openDossiers", 2)).toMatch(/^2 dossiers non terminés passeront/);
  });

  it("uses the singular only for 1 in English", () => {
    expect(translatePlural("en", "auth.errors.retryIn", 0)).toBe("You can try again in 0 minutes.");
    expect(translatePlural("en", "auth.errors.retryIn", 1)).toBe("You can try again in 1 minute.");
  });

  it("lets params give the count a formatted text", () => {
    expect(translatePlural("fr", "admin.champEditor.characters", 1500, { count: "1 500" })).toBe("1 500 caractères");
  });
});
