import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_LENGTH, messageBody, plainText } from "./message-body";

describe("messageBody", () => {
  it("keeps plain text with its line breaks, escaped", () => {
    expect(messageBody("Bonjour,\r\nil faut 3 < 4 & co")).toEqual({
      ok: true,
      html: "Bonjour,<br />il faut 3 &lt; 4 &amp; co",
    });
  });

  it("keeps a little formatting and removes scripts and handlers", () => {
    const result = messageBody(
      '<p><strong>Urgent</strong><script>alert(1)</script><a href="javascript:x" onclick="y">lien</a></p>',
    );
    expect(result).toEqual({
      ok: true,
      html: '<p><strong>Urgent</strong><a rel="noopener noreferrer" target="_blank">lien</a></p>',
    });
  });

  it("refuses empty, blank and markup-only messages", () => {
    for (const input of ["", "   \n ", "<p> </p>", "<script>x</script>", "\u0000\u0007"]) {
      expect(messageBody(input)).toEqual({ ok: false, code: "message_empty" });
    }
  });

  it("refuses messages over the limit, counted in characters", () => {
    expect(messageBody("é".repeat(MESSAGE_MAX_LENGTH)).ok).toBe(true);
    expect(messageBody("é".repeat(MESSAGE_MAX_LENGTH + 1))).toEqual({ ok: false, code: "message_too_long" });
  });

  it("strips control characters", () => {
    expect(messageBody("a\u0001b\tc")).toEqual({ ok: true, html: "ab\tc" });
  });

  it("gives the plain text back", () => {
    expect(plainText("Bonjour,<br>il manque &lt;x&gt; &amp; <strong>co</strong>")).toBe("Bonjour,\nil manque <x> & co");
  });
});
