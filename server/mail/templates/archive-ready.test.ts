import { describe, expect, it } from "vitest";
import { renderMail } from "../templates";

const ctx = (locale: "fr" | "en") => ({ locale, appUrl: "https://guichet.example" });
const params = { demarcheLibelle: "Aide", demarcheId: 3, month: "2026-03", count: 2 };

describe("archive-ready e-mail", () => {
  it("writes the month in the recipient's language", () => {
    const fr = renderMail("archive_ready", params, ctx("fr"));
    expect(fr.subject).toBe("L’archive de mars 2026 est prête (Aide)");
    expect(fr.text).toContain("terminés en mars 2026");
    expect(fr.text).not.toContain("2026-03");
    const en = renderMail("archive_ready", params, ctx("en"));
    expect(en.subject).toContain("March 2026");
    expect(en.text).not.toContain("2026-03");
  });

  it("links the administrateur to the démarche's archives, the instructeur to theirs", () => {
    expect(renderMail("archive_ready", params, ctx("fr")).text).toContain("https://guichet.example/admin/procedures/3/archives");
    const instructeur = renderMail("archive_ready", { ...params, space: "instructeur" }, ctx("fr")).text;
    expect(instructeur).toContain("https://guichet.example/procedures/3/archives");
    expect(instructeur).not.toContain("/admin/");
  });
});
