import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { yesNo } from "./yes_no";

describe("yes_no", () => {
  it.each([
    ["true", "true"],
    ["false", "false"],
    [" TRUE ", "true"],
    ["peut-être", null],
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(yesNo.parseFormInput(raw, {})).toBe(expected);
  });

  it("validates for submission", () => {
    const mandatory = typed("yes_no", {});
    expect(yesNo.validateForSubmit("false", mandatory)).toBeNull();
    expect(yesNo.validateForSubmit("true", mandatory)).toBeNull();
    expect(yesNo.validateForSubmit(null, mandatory)?.code).toBe("required");
    expect(yesNo.validateForSubmit(null, typed("yes_no", {}, { mandatory: false }))).toBeNull();
    // @ts-expect-error a value of the wrong shape is still caught
    expect(yesNo.validateForSubmit("oui", mandatory)?.code).toBe("invalid_value");
    expect(yesNo.valueSchema.safeParse("oui").success).toBe(false);
  });

  it("displays Oui/Non and Yes/No from the translations", () => {
    expect(yesNo.displayValue("true", {}, "fr")).toBe("Oui");
    expect(yesNo.displayValue("false", {}, "fr")).toBe("Non");
    expect(yesNo.displayValue("true", {}, "en")).toBe("Yes");
    expect(yesNo.displayValue("false", {}, "en")).toBe("No");
    expect(yesNo.displayValue(null, {}, "fr")).toBe("");
    expect(yesNo.isBlank(null)).toBe(true);
    expect(yesNo.isBlank("false")).toBe(false);
  });

  it("serves true/false to the API, unanswered as false like the reference", () => {
    expect(yesNo.stringValue("true")).toBe("true");
    expect(yesNo.stringValue("false")).toBe("false");
    expect(yesNo.stringValue(null)).toBe("false");
  });

  it.each([
    ["true", "true"],
    ["false", "false"],
    [true, "true"],
    [false, "false"],
    ["oui", null],
    [1, null],
  ])("prefills %j as %j", (raw, expected) => {
    expect(yesNo.prefill(raw, {})).toBe(expected);
  });
});
