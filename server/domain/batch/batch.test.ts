import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_LENGTH } from "../messages/message-body";
import { AVIS_INTRODUCTION_MAX } from "../avis/rules";
import { BATCH_INTRODUCTION_MAX, BATCH_MAX_DOSSIERS, BATCH_MESSAGE_MAX, checkBatchRequest, motivationOf } from "./batch";

describe("checkBatchRequest", () => {
  it("accepts a known kind on distinct dossiers, with the motivation trimmed", () => {
    expect(checkBatchRequest({ kind: "refuser", dossierIds: [3, 1, 3], motivation: "  Hors délai.\r\n" })).toEqual({
      ok: true,
      kind: "refuser",
      dossierIds: [3, 1],
      params: { motivation: "Hors délai." },
    });
    expect(checkBatchRequest({ kind: "suivre", dossierIds: [1], motivation: "ignorée" })).toEqual({
      ok: true,
      kind: "suivre",
      dossierIds: [1],
      params: {},
    });
  });

  it("refuses an unknown kind, no dossier, too many, a missing motivation or label", () => {
    expect(checkBatchRequest({ kind: "detruire", dossierIds: [1] })).toMatchObject({
      ok: false,
      refusals: [{ code: "unknown_kind" }],
    });
    expect(checkBatchRequest({ kind: "accepter", dossierIds: [] })).toMatchObject({ refusals: [{ code: "no_dossier" }] });
    const many = Array.from({ length: BATCH_MAX_DOSSIERS + 1 }, (_, i) => i + 1);
    expect(checkBatchRequest({ kind: "accepter", dossierIds: many })).toMatchObject({
      refusals: [{ code: "too_many", params: { max: 500, count: 501 } }],
    });
    expect(checkBatchRequest({ kind: "classer_sans_suite", dossierIds: [1], motivation: " " })).toMatchObject({
      refusals: [{ code: "motivation_required", field: "motivation" }],
    });
    expect(checkBatchRequest({ kind: "accepter", dossierIds: [1], motivation: "x".repeat(5001) })).toMatchObject({
      refusals: [{ code: "motivation_too_long", params: { max: 5000 } }],
    });
    expect(checkBatchRequest({ kind: "retirer_label", dossierIds: [1], labelId: 0 })).toMatchObject({
      refusals: [{ code: "label_required", field: "label" }],
    });
  });

  it("asks a message's text, an avis's addresses and introduction", () => {
    expect(checkBatchRequest({ kind: "envoyer_message", dossierIds: [1], body: "  Bonjour  " })).toEqual({
      ok: true,
      kind: "envoyer_message",
      dossierIds: [1],
      params: { body: "Bonjour" },
    });
    expect(checkBatchRequest({ kind: "envoyer_message", dossierIds: [1], body: " " })).toMatchObject({
      refusals: [{ code: "body_required", field: "body" }],
    });
    expect(
      checkBatchRequest({ kind: "envoyer_message", dossierIds: [1], body: "x".repeat(BATCH_MESSAGE_MAX + 1) }),
    ).toMatchObject({
      refusals: [{ code: "body_too_long", field: "body" }],
    });
    expect(
      checkBatchRequest({
        kind: "demander_avis",
        dossierIds: [1],
        emails: "a@exemple.fr",
        introduction: " Votre avis ? ",
        locale: "en",
      }),
    ).toEqual({
      ok: true,
      kind: "demander_avis",
      dossierIds: [1],
      params: { emails: "a@exemple.fr", introduction: "Votre avis ?", confidentiel: false, locale: "en" },
    });
    expect(checkBatchRequest({ kind: "demander_avis", dossierIds: [1] })).toMatchObject({
      refusals: [
        { code: "emails_required", field: "emails" },
        { code: "introduction_required", field: "introduction" },
      ],
    });
  });

  it("keeps the messagerie's and the avis request's length limits", () => {
    expect(BATCH_MESSAGE_MAX).toBe(MESSAGE_MAX_LENGTH);
    expect(BATCH_INTRODUCTION_MAX).toBe(AVIS_INTRODUCTION_MAX);
  });

  it("asks a motivation where the single decision does", () => {
    expect([motivationOf("accepter"), motivationOf("refuser"), motivationOf("archiver")]).toEqual([
      "optional",
      "required",
      "none",
    ]);
  });
});
