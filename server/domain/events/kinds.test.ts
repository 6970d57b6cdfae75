import { describe, expect, it } from "vitest";
import { TRAITEMENT_EVENTS } from "../dossier/transitions";
import { EVENT_KINDS, isEventKind, payloadIssues, stateChangeKind } from "./kinds";

describe("event kinds", () => {
  it("has one state-change kind per traitement event", () => {
    for (const event of TRAITEMENT_EVENTS) expect(isEventKind(stateChangeKind(event))).toBe(true);
  });

  it("refuses unknown kinds", () => {
    expect(isEventKind("dossier.inconnu")).toBe(false);
    expect(isEventKind("toString")).toBe(false);
  });

  it("checks payloads against their kind", () => {
    expect(payloadIssues("dossier.accepte", { from: "en_instruction", to: "accepte", motivation: "ok" })).toBeNull();
    expect(payloadIssues("dossier.suivi", { instructeurId: "x" })).toEqual([expect.stringContaining("instructeurId")]);
    expect(payloadIssues("dossier.modifie", null)).not.toBeNull();
  });

  it("keeps kinds namespaced by what they are about", () => {
    for (const kind of Object.keys(EVENT_KINDS)) expect(kind).toMatch(/^(dossier|demarche|message|avis|label)\.[a-z_]+$/);
  });
});
