import { describe, expect, it } from "vitest";
import {
  legacyWebHookBody,
  parisLocalToDate,
  parseEventKinds,
  parseWebhookUrl,
  railsTime,
  retryDelayMs,
  subscribes,
} from "./webhooks";
import { signedHeaders, verifyWebhook } from "./signature";

describe("webhook URLs", () => {
  it("accepts http(s) only, without credentials", () => {
    expect(parseWebhookUrl(" https://example.org/hook ")).toEqual({ ok: true, url: "https://example.org/hook" });
    expect(parseWebhookUrl("")).toEqual({ ok: false, code: "required" });
    expect(parseWebhookUrl("ftp://example.org")).toEqual({ ok: false, code: "protocol" });
    expect(parseWebhookUrl("file:///etc/passwd")).toEqual({ ok: false, code: "protocol" });
    expect(parseWebhookUrl("https://u:p@example.org")).toEqual({ ok: false, code: "credentials" });
    expect(parseWebhookUrl("not a url")).toEqual({ ok: false, code: "invalid" });
    expect(parseWebhookUrl(`https://example.org/${"a".repeat(2000)}`)).toEqual({ ok: false, code: "too_long" });
  });
});

describe("event kinds", () => {
  it("keeps known kinds, none means all", () => {
    expect(parseEventKinds(["dossier.depose", "dossier.depose"])).toEqual({ ok: true, kinds: ["dossier.depose"] });
    expect(parseEventKinds(["nope"])).toEqual({ ok: false });
    expect(subscribes([], "label.ajoute")).toBe(true);
    expect(subscribes(["dossier.depose"], "label.ajoute")).toBe(false);
  });
});

describe("signatures", () => {
  const now = new Date("2026-03-15T09:00:00Z");
  const body = '{"a":1}';
  const headers = signedHeaders("whsec_test", body, now);
  const given = { timestamp: headers["X-Guichet-Timestamp"], signature: headers["X-Guichet-Signature"] };

  it("verifies with the right secret, body and a recent timestamp", () => {
    expect(given.timestamp).toBe(String(now.getTime() / 1000));
    expect(verifyWebhook("whsec_test", given, body, now)).toBe(true);
  });

  it("refuses another secret, a changed body or an old timestamp (replay)", () => {
    expect(verifyWebhook("whsec_other", given, body, now)).toBe(false);
    expect(verifyWebhook("whsec_test", given, '{"a":2}', now)).toBe(false);
    expect(verifyWebhook("whsec_test", given, body, new Date(now.getTime() + 301_000))).toBe(false);
  });
});

describe("retries", () => {
  it("backs off exponentially up to six hours", () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(40)).toBe(6 * 3600_000);
  });
});

describe("legacy web_hook_url body", () => {
  it("is the reference's form with a Rails time in Paris", () => {
    expect(railsTime(new Date("2026-03-15T09:00:00Z"))).toBe("2026-03-15 10:00:00 +0100");
    expect(railsTime(new Date("2026-07-15T09:00:00Z"))).toBe("2026-07-15 11:00:00 +0200");
    expect(
      legacyWebHookBody({ demarcheId: 3, dossierId: 42, state: "accepte", updatedAt: new Date("2026-03-15T09:00:00Z") }),
    ).toBe("procedure_id=3&dossier_id=42&state=accepte&updated_at=2026-03-15+10%3A00%3A00+%2B0100");
  });
});

describe("replay range inputs", () => {
  it("reads datetime-local values as Paris time", () => {
    expect(parisLocalToDate("2026-03-15T10:00")?.toISOString()).toBe("2026-03-15T09:00:00.000Z");
    expect(parisLocalToDate("2026-07-15T10:00")?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(parisLocalToDate("2026-02-30T10:00")).toBeNull();
    expect(parisLocalToDate("hier")).toBeNull();
  });
});
