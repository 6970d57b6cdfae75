import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { FORMATTED_MAX_LENGTH, type FormattedOptions, firstRefusedCharacter, formatted } from "./formatted";
import { compileRegex, regexMatches } from "./formatted-regex";

const simple = (overrides: Partial<FormattedOptions> = {}): FormattedOptions =>
  formatted.optionsSchema.parse({ mode: "simple", ...overrides });
const advanced = (overrides: Partial<FormattedOptions> = {}): FormattedOptions =>
  formatted.optionsSchema.parse({
    mode: "advanced",
    expressionReguliere: "^[0-9]{4}[A-Z]$",
    expressionReguliereExempleText: "6201Z",
    ...overrides,
  });

describe("formatted options", () => {
  it("defaults to the simple mode accepting everything", () => {
    expect(formatted.optionsSchema.parse({})).toEqual({
      mode: "simple",
      lettersAccepted: true,
      numbersAccepted: true,
      specialCharactersAccepted: true,
    });
    expect(formatted.optionsSchema.parse(formatted.defaultOptions("fr"))).toEqual(formatted.defaultOptions("fr"));
  });

  it.each([
    [{ lettersAccepted: false, numbersAccepted: false, specialCharactersAccepted: false }, "no kind of character"],
    [{ minCharacterLength: 5, maxCharacterLength: 4 }, "min over max"],
    [{ minCharacterLength: 0 }, "min below 1"],
    [{ maxCharacterLength: FORMATTED_MAX_LENGTH + 1 }, "max over the cap"],
    [{ mode: "advanced" }, "advanced without a pattern"],
    [{ mode: "advanced", expressionReguliere: "^(?=a)b$", expressionReguliereExempleText: "b" }, "lookahead"],
    [{ mode: "advanced", expressionReguliere: "^(a)\\1$", expressionReguliereExempleText: "aa" }, "backreference"],
    [{ mode: "advanced", expressionReguliere: "[a-", expressionReguliereExempleText: "a" }, "syntax error"],
    [{ mode: "advanced", expressionReguliere: "^\\d+$" }, "no example"],
    [{ mode: "advanced", expressionReguliere: "^\\d+$", expressionReguliereExempleText: "12a" }, "example does not match"],
    [{ mode: "other" }, "unknown mode"],
  ] as [unknown, string][])("rejects %j (%s)", (raw) => {
    expect(formatted.optionsSchema.safeParse(raw).success).toBe(false);
  });

  it("accepts an advanced pattern whose example matches", () => {
    expect(advanced().expressionReguliere).toBe("^[0-9]{4}[A-Z]$");
  });
});

describe("formatted regular expressions", () => {
  it.each([
    ["^(?=a)b$", "unsupported", "(?="],
    ["^(a)\\1$", "unsupported", "\\1"],
    ["^(?<=a)b", "unsupported", "(?<="],
    ["(?<!a)b", "unsupported", "(?<!"],
    ["[a-", "invalid", ""],
    ["a{1001}", "invalid", "{1001}"],
    ["x".repeat(501), "too_long", ""],
  ])("refuses %j as %s", (pattern, reason, fragment) => {
    const result = compileRegex(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      if (fragment !== "") expect(result.fragment).toBe(fragment);
    }
  });

  it("matches anywhere unless anchored, as the reference does", () => {
    expect(regexMatches("\\d{5}", "code 75001")).toBe(true);
    expect(regexMatches("^\\d{5}$", "code 75001")).toBe(false);
    expect(regexMatches("[", "[")).toBe(false);
  });

  it("runs an evil pattern on a long input without backtracking", () => {
    // With a backtracking engine (JavaScript's RegExp) this takes longer than the universe's age.
    const evil = `${"a".repeat(100_000)}!`;
    expect(regexMatches("^(a+)+$", evil)).toBe(false);
    expect(regexMatches("^(a|a)*$", evil)).toBe(false);
    expect(regexMatches("^(a+)+$", "a".repeat(100_000))).toBe(true);
  });
});

describe("formatted values", () => {
  it.each([
    [" AB-12 ", "AB-12"],
    ["", null],
    [undefined, null],
    [["", "x"], "x"],
  ] as const)("parses %j as %j", (raw, expected) => {
    expect(formatted.parseFormInput(raw as string | string[] | undefined, simple())).toBe(expected);
  });

  it.each([
    ["AB12", simple({ specialCharactersAccepted: false }), null],
    ["AB 12", simple({ specialCharactersAccepted: false }), "formatted_space_refused"],
    ["AB-12", simple({ specialCharactersAccepted: false }), "formatted_character_refused"],
    ["Émile", simple({ numbersAccepted: false, specialCharactersAccepted: false }), null],
    ["Émile2", simple({ numbersAccepted: false }), "formatted_character_refused"],
    ["12345", simple({ lettersAccepted: false, specialCharactersAccepted: false }), null],
    ["1234a", simple({ lettersAccepted: false }), "formatted_character_refused"],
    ["ab", simple({ minCharacterLength: 3 }), "too_short"],
    ["abcd", simple({ maxCharacterLength: 3 }), "too_long"],
    ["abc", simple({ minCharacterLength: 3, maxCharacterLength: 3 }), null],
    ["😀😀😀", simple({ maxCharacterLength: 3 }), null],
    ["6201Z", advanced(), null],
    ["6201z", advanced(), "formatted_mismatch"],
    ["6201z", advanced({ expressionReguliereErrorMessage: "4 chiffres puis une majuscule" }), "formatted_mismatch_custom"],
    ["x".repeat(FORMATTED_MAX_LENGTH + 1), simple(), "too_long"],
    [
      "a".repeat(FORMATTED_MAX_LENGTH + 1),
      advanced({ expressionReguliere: "^(a+)+$", expressionReguliereExempleText: "a" }),
      "too_long",
    ],
  ])("validates %j (%s)", (value, options, code) => {
    expect(formatted.validateForSubmit(value, typed("formatted", options))?.code ?? null).toBe(code);
  });

  it("names the refused character and the limits", () => {
    const descriptor = typed("formatted", simple({ specialCharactersAccepted: false }), { libelle: "Code" });
    expect(formatted.validateForSubmit("AB#1", descriptor)).toEqual({
      code: "formatted_character_refused",
      params: { libelle: "Code", character: "#" },
    });
    expect(formatted.validateForSubmit("6201z", typed("formatted", advanced(), { libelle: "APE" }))).toEqual({
      code: "formatted_mismatch",
      params: { libelle: "APE", example: "6201Z" },
    });
    expect(firstRefusedCharacter("abc", simple())).toBeNull();
  });

  it("asks for a value only when mandatory", () => {
    expect(formatted.validateForSubmit(null, typed("formatted", simple()))?.code).toBe("required");
    expect(formatted.validateForSubmit(" ", typed("formatted", simple(), { mandatory: false }))).toBeNull();
  });

  it("treats an unusable stored pattern as a misconfigured field", () => {
    const broken = { ...advanced(), expressionReguliere: "(?=x)" };
    expect(formatted.validateForSubmit("x", typed("formatted", broken))?.code).toBe("misconfigured");
  });

  it("displays and exports the text", () => {
    expect(formatted.displayValue("AB12", simple(), "fr")).toBe("AB12");
    expect(formatted.displayValue(null, simple(), "fr")).toBe("");
    expect(formatted.stringValue("AB12")).toBe("AB12");
    expect(formatted.stringValue(" ")).toBeNull();
  });

  it.each([
    ["6201Z", advanced(), "6201Z"],
    [" 6201Z ", advanced(), "6201Z"],
    ["6201", advanced(), null],
    [1234, simple({ lettersAccepted: false }), "1234"],
    ["AB-1", simple({ specialCharactersAccepted: false }), null],
    ["", simple(), null],
    [["AB"], simple(), null],
  ] as [unknown, FormattedOptions, string | null][])("prefills %j as %j", (raw, options, expected) => {
    expect(formatted.prefill(raw, options)).toBe(expected);
  });
});
