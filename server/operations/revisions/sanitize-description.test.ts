import { describe, expect, it } from "vitest";
import { sanitizeDescription } from "./sanitize-description";

describe("sanitizeDescription", () => {
  it("keeps allowed formatting and links, made safe", () => {
    expect(sanitizeDescription('<p>Voir <a href="https://exemple.fr">le guide</a></p>')).toBe(
      '<p>Voir <a href="https://exemple.fr" rel="noopener noreferrer" target="_blank">le guide</a></p>',
    );
  });

  it("removes scripts, handlers, styles and javascript: links", () => {
    const dirty =
      '<p onclick="x()">A</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">b</a><style>p{}</style>';
    expect(sanitizeDescription(dirty)).toBe('<p>A</p><a rel="noopener noreferrer" target="_blank">b</a>');
  });

  it("keeps the line breaks of plain text and escapes it", () => {
    expect(sanitizeDescription("Ligne 1\nLigne 2 & 3 < 4")).toBe("Ligne 1<br />Ligne 2 &amp; 3 &lt; 4");
  });
});
