import { describe, expect, it } from "vitest";
import { systemSenderAddress } from "./system-sender";

describe("systemSenderAddress", () => {
  it("prefers the contact address, else the address of MAIL_FROM", () => {
    const legal = { contactEmail: null };
    expect(systemSenderAddress({ mailFrom: "Guichet <ne-pas-repondre@guichet.fr>", legal })).toBe("ne-pas-repondre@guichet.fr");
    expect(systemSenderAddress({ mailFrom: " noreply@guichet.fr ", legal })).toBe("noreply@guichet.fr");
    expect(systemSenderAddress({ mailFrom: "Guichet <a@b.fr>", legal: { contactEmail: "contact@guichet.fr" } })).toBe(
      "contact@guichet.fr",
    );
  });
});
