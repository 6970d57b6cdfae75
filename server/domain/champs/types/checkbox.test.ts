import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { checkbox } from "./checkbox";

describe("checkbox", () => {
  it.each([
    [["false", "true"], "true"],
    [["false"], "false"],
    ["false", "false"],
    ["true", "true"],
    ["on", "true"],
    ["n’importe", null],
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(checkbox.parseFormInput(raw as string | string[] | undefined, {})).toBe(expected);
  });

  it.each([
    ["true", true, null],
    ["false", true, "required"],
    [null, true, "required"],
    ["false", false, null],
    [null, false, null],
  ] as const)("validates %j (mandatory: %j) → %j", (value, mandatory, code) => {
    expect(checkbox.validateForSubmit(value, typed("checkbox", {}, { mandatory }))?.code ?? null).toBe(code);
  });

  it("displays Oui/Non and serves false when unanswered", () => {
    expect(checkbox.displayValue("true", {}, "fr")).toBe("Oui");
    expect(checkbox.displayValue("false", {}, "en")).toBe("No");
    expect(checkbox.stringValue(null)).toBe("false");
    expect(checkbox.stringValue("true")).toBe("true");
  });

  it.each([
    ["true", "true"],
    ["false", "false"],
    [true, "true"],
    ["on", null],
    [1, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(checkbox.prefill(raw, {})).toBe(expected);
  });
});
