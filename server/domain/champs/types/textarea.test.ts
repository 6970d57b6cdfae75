import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { textarea } from "./textarea";

describe("textarea", () => {
  it("keeps line breaks and tabs, normalises CRLF, strips controls", () => {
    expect(textarea.parseFormInput("  Ligne 1\r\n\tLigne 2\u0000\r\n ", {})).toBe("Ligne 1\n\tLigne 2");
    expect(textarea.parseFormInput(" \r\n ", {})).toBeNull();
    expect(textarea.parseFormInput(undefined, {})).toBeNull();
  });

  it("keeps over-limit text in drafts", () => {
    const long = "a".repeat(600);
    expect(textarea.parseFormInput(long, { characterLimit: 400 })).toBe(long);
  });

  it("enforces the character limit at submission, counting characters not bytes", () => {
    const descriptor = typed("textarea", { characterLimit: 400 });
    expect(textarea.validateForSubmit("é".repeat(400), descriptor)).toBeNull();
    expect(textarea.validateForSubmit("😀".repeat(400), descriptor)).toBeNull();
    expect(textarea.validateForSubmit("é".repeat(401), descriptor)).toEqual({
      code: "too_long",
      params: { libelle: descriptor.libelle, max: 400 },
    });
    expect(textarea.validateForSubmit("x".repeat(20_000), typed("textarea", {}))).toBeNull();
    expect(textarea.validateForSubmit(null, descriptor)?.code).toBe("required");
    expect(textarea.validateForSubmit(null, typed("textarea", {}, { mandatory: false }))).toBeNull();
  });

  it("accepts only the reference's range of limits", () => {
    expect(textarea.optionsSchema.safeParse({ characterLimit: 400 }).success).toBe(true);
    expect(textarea.optionsSchema.safeParse({}).success).toBe(true);
    expect(textarea.optionsSchema.safeParse({ characterLimit: 100 }).success).toBe(false);
    expect(textarea.optionsSchema.safeParse({ characterLimit: 450.5 }).success).toBe(false);
  });

  it("displays, serves and prefills", () => {
    expect(textarea.displayValue("a\nb", {}, "fr")).toBe("a\nb");
    expect(textarea.stringValue("a\nb")).toBe("a\nb");
    expect(textarea.stringValue(null)).toBeNull();
    expect(textarea.prefill("  a\r\nb ", {})).toBe("a\nb");
    expect(textarea.prefill(["a"], {})).toBeNull();
    expect(textarea.graphqlTypename).toBe("TextChamp");
    expect(textarea.graphqlDescriptorTypename).toBe("TextareaChampDescriptor");
  });
});
