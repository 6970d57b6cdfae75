import { describe, expect, it } from "vitest";
import { GROUPES_CSV_MAX_BYTES, importChunkEnd, parseGroupesCsv, sortForImport, stuckImportAction } from "./groupes-csv";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseGroupesCsv", () => {
  it("reads groupe,email records after an optional header, with , or ;", () => {
    expect(parseGroupesCsv(bytes("Groupe,Email\nAin,a@exemple.fr\n\nAisne,B@Exemple.fr\n"), "groupe_email")).toEqual({
      ok: true,
      rows: [
        { groupe: "Ain", email: "a@exemple.fr" },
        { groupe: "Aisne", email: "b@exemple.fr" },
      ],
    });
    expect(parseGroupesCsv(bytes("Ain;a@exemple.fr\n"), "groupe_email")).toEqual({
      ok: true,
      rows: [{ groupe: "Ain", email: "a@exemple.fr" }],
    });
    expect(parseGroupesCsv(bytes("email\na@exemple.fr\n"), "email")).toEqual({
      ok: true,
      rows: [{ groupe: null, email: "a@exemple.fr" }],
    });
  });

  it("reports every bad line with its number and reason", () => {
    const result = parseGroupesCsv(
      bytes("groupe,email\nAin,a@exemple.fr\n,b@exemple.fr\nAisne,pas-un-email\nAllier\tc@exemple.fr\nX,y@exemple.fr,z\n"),
      "groupe_email",
    );
    expect(result).toEqual({
      ok: false,
      total: 4,
      lines: [
        { line: 3, problem: "groupe_required" },
        { line: 4, problem: "email_invalid" },
        { line: 5, problem: "separator" },
        { line: 6, problem: "columns" },
      ],
    });
  });

  it("refuses files too big, empty, binary or not UTF-8", () => {
    expect(parseGroupesCsv(new Uint8Array(GROUPES_CSV_MAX_BYTES + 1).fill(65), "email")).toEqual({
      ok: false,
      file: "csv_too_big",
    });
    expect(parseGroupesCsv(new Uint8Array(), "email")).toEqual({ ok: false, file: "csv_empty" });
    expect(parseGroupesCsv(new Uint8Array([65, 0, 66]), "email")).toEqual({ ok: false, file: "csv_not_text" });
    // « Aïn » in Latin-1.
    expect(parseGroupesCsv(new Uint8Array([0x41, 0xef, 0x6e, 0x2c, 0x61, 0x40, 0x62, 0x2e, 0x66, 0x72]), "groupe_email")).toEqual(
      {
        ok: false,
        file: "csv_encoding",
      },
    );
  });

  it("reads 20,000 rows", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Groupe ${i % 5000},i${i}@exemple.fr`).join("\n");
    const result = parseGroupesCsv(bytes(text), "groupe_email");
    expect(result.ok && result.rows.length).toBe(20_000);
  });
});

describe("import job chunks", () => {
  const row = (email: string, groupe = "G") => ({ groupe, email });

  it("sorts by e-mail then groupe", () => {
    expect(sortForImport([row("b@x.fr", "2"), row("a@x.fr", "9"), row("b@x.fr", "1")])).toEqual([
      row("a@x.fr", "9"),
      row("b@x.fr", "1"),
      row("b@x.fr", "2"),
    ]);
  });

  it("never splits one person's rows between two chunks", () => {
    const rows = sortForImport([row("a@x.fr"), row("b@x.fr", "1"), row("b@x.fr", "2"), row("b@x.fr", "3"), row("c@x.fr")]);
    expect(importChunkEnd(rows, 0, 2)).toBe(4);
    expect(importChunkEnd(rows, 4, 2)).toBe(5);
    expect(importChunkEnd(rows, 0, 1)).toBe(1);
    expect(importChunkEnd(rows, 1, 100)).toBe(5);
  });
});

describe("stuckImportAction", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  it("waits while the import progressed recently, resumes a lost job twice, then fails", () => {
    const row = { progressedAt: at(0), resumeCount: 0, hasFile: true };
    expect(stuckImportAction(row, at(14))).toBe("wait");
    expect(stuckImportAction(row, at(15))).toBe("resume");
    expect(stuckImportAction({ ...row, resumeCount: 1 }, at(20))).toBe("resume");
    expect(stuckImportAction({ ...row, resumeCount: 2 }, at(20))).toBe("fail");
    expect(stuckImportAction({ ...row, hasFile: false }, at(20))).toBe("fail");
  });
});
