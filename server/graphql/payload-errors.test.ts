import { describe, expect, it } from "vitest";
import { TRANSITION_ERROR_CODES } from "../domain/dossier/transitions";
import { payloadErrors } from "./payload-errors";

describe("payloadErrors", () => {
  it("words each refusal in French from the operation's messages, with its parameters", () => {
    expect(
      payloadErrors(
        [
          { code: "motivation_too_long", field: "motivation", params: { max: "5000" } },
          { code: "invalid_transition", field: "form" },
        ],
        "dossiers.transitionErrors",
      ),
    ).toEqual([
      { message: "La motivation ne doit pas dépasser 5000 caractères" },
      { message: "Cette action n’est pas possible dans l’état actuel du dossier" },
    ]);
  });

  it("has a French message for every transition refusal", () => {
    const refusals = TRANSITION_ERROR_CODES.map((code) => ({ code, field: "form" }));
    for (const { message } of payloadErrors(refusals, "dossiers.transitionErrors")) {
      expect(message).not.toMatch(/^dossiers\.|refusée \(/);
    }
  });

  it("falls back to the API's own codes, then to a sentence naming an unknown code (never a bare key)", () => {
    expect(payloadErrors([{ code: "blob_invalid", field: "justificatif" }], "dossiers.transitionErrors")).toEqual([
      { message: "L’identifiant du fichier téléversé est invalide" },
    ]);
    expect(payloadErrors([{ code: "mystere", field: "form" }], "dossiers.transitionErrors")).toEqual([
      { message: "La demande a été refusée (mystere)" },
    ]);
  });
});
