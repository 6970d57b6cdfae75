import { describe, expect, it } from "vitest";
import { htmlFitsPreviewPolicy } from "./html-preview";
import { composeMail } from "./layout";

describe("htmlFitsPreviewPolicy", () => {
  it("accepts the mails our layout produces, even with hostile user text (it is escaped)", () => {
    const mail = composeMail(
      "Objet",
      [
        { paragraph: "Bonjour <script>alert(1)</script>" },
        { quote: `<img src="https://evil.example/x.png" onerror="alert(1)">` },
        { link: { label: "Voir", url: "https://guichet.example.fr/dossiers/1?a=1&b=2" } },
      ],
      "Signature",
    );
    expect(htmlFitsPreviewPolicy(mail.html)).toBe(true);
  });

  it.each([
    [`<p>x</p><script>alert(1)</script>`],
    [`<p onclick="alert(1)">x</p>`],
    [`<a href="javascript:alert(1)">x</a>`],
    [`<a href="java\tscript:alert(1)">x</a>`],
    [`<a href="data:text/html,<script>alert(1)</script>">x</a>`],
    [`<img src="https://tracker.example/pixel.gif">`],
    [`<img src="//tracker.example/pixel.gif">`],
    [`<p style="background:url(https://tracker.example/p.gif)">x</p>`],
    [`<style>@import "https://evil.example/x.css";</style>`],
    [`<iframe src="/"></iframe>`],
    [`<meta http-equiv="refresh" content="0;url=https://evil.example">`],
    [`<form action="https://evil.example"><button>x</button></form>`],
    [`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`],
    [`<object data="x.swf"></object>`],
  ])("refuses %s", (html) => {
    expect(htmlFitsPreviewPolicy(html)).toBe(false);
  });

  it("accepts links, relative and inline images that the policy allows", () => {
    expect(
      htmlFitsPreviewPolicy(
        `<a href="mailto:a@b.fr">a</a><a href="/dossiers/1">b</a><img src="data:image/png;base64,iVBORw0KGgo=" alt="">`,
      ),
    ).toBe(true);
  });
});
