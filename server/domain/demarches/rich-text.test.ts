import { describe, expect, it } from "vitest";
import { renderRichText, sanitizeRichText } from "./rich-text";

describe("rich text of the presentation", () => {
  it("removes scripts and event handlers, keeps the allowed markup", () => {
    const html = '<p onclick="alert(1)">Bonjour <strong>vous</strong></p><script>alert("x")</script><img src=x onerror=alert(1)>';
    expect(sanitizeRichText(html)).toBe("<p>Bonjour <strong>vous</strong></p>");
  });
  it("drops javascript: links and keeps https ones", () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a> <a href="https://exemple.fr">y</a>')).toBe(
      '<a>x</a> <a href="https://exemple.fr">y</a>',
    );
  });
  it("keeps plain text as text, escaping what looks like markup", () => {
    expect(sanitizeRichText("Ligne 1\nLigne 2 & 3 < 4")).toBe("Ligne 1\nLigne 2 &amp; 3 &lt; 4");
  });
  it("sanitizes again on render (HTML stored by another way) and opens links in a new tab", () => {
    expect(renderRichText('<a href="https://exemple.fr">y</a><script>x()</script>')).toBe(
      '<a href="https://exemple.fr" rel="noopener noreferrer" target="_blank">y</a>',
    );
    expect(renderRichText("  ")).toBeNull();
  });
});
