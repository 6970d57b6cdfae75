import { describe, expect, it } from "vitest";
import {
  champFillSeconds,
  countWords,
  estimatedFillMinutes,
  estimatedFillSeconds,
  readingSeconds,
} from "./estimated-fill-duration";

describe("countWords", () => {
  it("counts the words of text or limited HTML", () => {
    expect(countWords(null)).toBe(0);
    expect(countWords("  ")).toBe(0);
    expect(countWords("Votre numéro de téléphone, s’il vous plaît")).toBe(7);
    expect(countWords("<p>Un <strong>deux</strong></p><ul><li>trois</li></ul>")).toBe(3);
    expect(countWords("a&nbsp;b &amp; c — d")).toBe(4);
    expect(countWords("l&#39;eau")).toBe(1);
  });
});

describe("readingSeconds", () => {
  it("reads 140 words per minute", () => {
    expect(readingSeconds("mot ".repeat(140))).toBe(60);
    expect(readingSeconds("mot ".repeat(7))).toBe(3);
  });
});

describe("estimated fill duration", () => {
  const text = { type: "text", mandatory: true, description: null } as const;
  it("sums the type durations", () => {
    expect(champFillSeconds(text)).toBe(10);
    expect(champFillSeconds({ type: "textarea", mandatory: true, description: null })).toBe(60);
    expect(estimatedFillSeconds([text, text, { type: "integer_number", mandatory: true, description: null }])).toBe(30);
  });

  it("counts optional fields half, section titles only for reading", () => {
    expect(champFillSeconds({ ...text, mandatory: false })).toBe(5);
    expect(champFillSeconds({ type: "header_section", mandatory: false, description: null })).toBe(0);
    expect(champFillSeconds({ type: "header_section", mandatory: false, description: "mot ".repeat(140) })).toBe(60);
  });

  it("adds the reading time of descriptions", () => {
    expect(champFillSeconds({ ...text, description: "mot ".repeat(140) })).toBe(70);
    expect(champFillSeconds({ ...text, mandatory: false, description: "mot ".repeat(140) })).toBe(35);
  });

  it("is shown in whole minutes, rounded up", () => {
    expect(estimatedFillMinutes([])).toBe(0);
    expect(estimatedFillMinutes([text])).toBe(1);
    expect(estimatedFillMinutes(Array.from({ length: 6 }, () => text))).toBe(1);
    expect(estimatedFillMinutes(Array.from({ length: 7 }, () => text))).toBe(2);
  });
});
