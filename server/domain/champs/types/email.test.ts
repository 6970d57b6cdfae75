import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { email } from "./email";

describe("email", () => {
  it.each([
    [" camille@example.fr ", "camille@example.fr"],
    ["camille @ example.fr", "camille@example.fr"],
    ["pas une adresse", "pas une adresse"],
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(email.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["camille@example.fr", null],
    ["c.dupont+dossier@sous.domaine.gouv.fr", null],
    ["camille@localhost", "invalid_email"],
    ["camille@@example.fr", "invalid_email"],
    ["camille@example", "invalid_email"],
    ["a@b.c", "invalid_email"],
    ["camille..d@example.fr", "invalid_email"],
    [null, "required"],
  ] as const)("validates %j → %j", (value, code) => {
    expect(email.validateForSubmit(value, typed("email", {}))?.code ?? null).toBe(code);
  });

  it("accepts blank when optional and displays as stored", () => {
    expect(email.validateForSubmit(null, typed("email", {}, { mandatory: false }))).toBeNull();
    expect(email.displayValue("a@b.fr", {}, "fr")).toBe("a@b.fr");
    expect(email.stringValue(null)).toBeNull();
  });

  it.each([
    ["adresse@mail.com", "adresse@mail.com"],
    ["invalide", null],
    [42, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(email.prefill(raw, {})).toBe(expected);
  });
});
