import { fr as real } from "@codegouvfr/react-dsfr/fr";
import { describe, expect, it } from "vitest";
import { fr } from "./fr-cx-only";

describe("the browser's stand-in for the DSFR `fr` module", () => {
  it("gives the theme colour of the real tables, light and dark", () => {
    for (const isDark of [false, true]) {
      expect(fr.colors.getHex({ isDark }).decisions.background.default.grey.default).toBe(
        real.colors.getHex({ isDark }).decisions.background.default.grey.default,
      );
    }
  });

  it("joins class names as the real one does", () => {
    expect(fr.cx("fr-link", false, "fr-mb-2w")).toBe(real.cx("fr-link", false, "fr-mb-2w"));
  });
});
