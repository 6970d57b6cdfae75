import { describe, expect, it } from "vitest";
import { canAcknowledgeDecision, declarativeEvent, decisionHiddenFromUsager, svaSvrEvent } from "./rules";

describe("declarativeEvent", () => {
  it("passes a submitted dossier on once, as configured", () => {
    expect(declarativeEvent({ declarative: "accepte", state: "en_construction", triggered: false })).toBe(
      "accepter_automatiquement",
    );
    expect(declarativeEvent({ declarative: "en_instruction", state: "en_construction", triggered: false })).toBe(
      "passer_automatiquement_en_instruction",
    );
    expect(declarativeEvent({ declarative: "accepte", state: "en_construction", triggered: true })).toBeNull();
    expect(declarativeEvent({ declarative: null, state: "en_construction", triggered: false })).toBeNull();
    expect(declarativeEvent({ declarative: "accepte", state: "en_instruction", triggered: false })).toBeNull();
  });
});

describe("svaSvrEvent", () => {
  const base = {
    decision: "sva",
    state: "en_instruction",
    triggered: false,
    decisionOn: "2026-03-01",
    pendingCorrection: false,
    today: "2026-03-01",
  } as const;
  it("decides on the day, by the rule", () => {
    expect(svaSvrEvent(base)).toBe("accepter_automatiquement");
    expect(svaSvrEvent({ ...base, decision: "svr" })).toBe("refuser_automatiquement");
    expect(svaSvrEvent({ ...base, today: "2026-02-28" })).toBeNull();
  });
  it("passes en instruction at once, waits on a correction, acts once", () => {
    expect(svaSvrEvent({ ...base, state: "en_construction", today: "2026-01-01" })).toBe("passer_automatiquement_en_instruction");
    expect(svaSvrEvent({ ...base, pendingCorrection: true })).toBeNull();
    expect(svaSvrEvent({ ...base, triggered: true })).toBeNull();
    expect(svaSvrEvent({ ...base, decisionOn: null })).toBeNull();
    expect(svaSvrEvent({ ...base, decision: "disabled" })).toBeNull();
  });
});

describe("accusé de lecture", () => {
  it("hides a decision until acknowledged", () => {
    expect(decisionHiddenFromUsager({ accuseLecture: true, state: "refuse", agreementAt: null })).toBe(true);
    expect(decisionHiddenFromUsager({ accuseLecture: true, state: "refuse", agreementAt: new Date() })).toBe(false);
    expect(decisionHiddenFromUsager({ accuseLecture: true, state: "en_instruction", agreementAt: null })).toBe(false);
    expect(decisionHiddenFromUsager({ accuseLecture: false, state: "accepte", agreementAt: null })).toBe(false);
    expect(canAcknowledgeDecision({ accuseLecture: true, state: "sans_suite", agreementAt: null })).toBe(true);
  });
});
