import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, CSV_MAX_LINES, parseOptionsCsv } from "./options-csv";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseOptionsCsv", () => {
  it.each([
    ["one column", "Paris\nLyon\nSaint-Étienne\n", ["Paris", "Lyon", "Saint-Étienne"]],
    ["first column of ; (French spreadsheets)", "Ville;Code\nParis;75\nLyon;69", ["Ville", "Paris", "Lyon"]],
    ["first column of tabs", "Paris\t75\nLyon\t69", ["Paris", "Lyon"]],
    ["first column of ,", "Paris,75\nLyon,69", ["Paris", "Lyon"]],
    ["quoted fields", '"Paris, 1er";x\n"Lyon ""centre""";y', ["Paris, 1er", 'Lyon "centre"']],
    ["BOM and CRLF", "\uFEFFParis\r\nLyon\r\n", ["Paris", "Lyon"]],
    ["blank lines and duplicates skipped", "Paris\n\n  \nLyon\nParis\n Lyon \n", ["Paris", "Lyon"]],
    ["empty first cells skipped", ";x\nParis;y", ["Paris"]],
  ])("reads %s", (_name, text, expected) => {
    expect(parseOptionsCsv(utf8(text), "list")).toEqual({ ok: true, lines: expected, count: expected.length });
  });

  it("reads linked options as lines or as (primary, secondary) pairs", () => {
    expect(parseOptionsCsv(utf8("--Fruits--\nPomme\n--Légumes--\nPoireau"), "linked")).toMatchObject({
      ok: true,
      lines: ["--Fruits--", "Pomme", "--Légumes--", "Poireau"],
    });
    expect(parseOptionsCsv(utf8("Fruits;Pomme\nLégumes;Poireau\nFruits;Poire\nFruits;Pomme\nRien;"), "linked")).toMatchObject({
      ok: true,
      lines: ["--Fruits--", "Pomme", "Poire", "--Légumes--", "Poireau", "--Rien--"],
    });
  });

  it.each([
    ["empty file", new Uint8Array(), "csv_empty"],
    ["only blank lines", utf8("\n \n;\n"), "csv_empty"],
    ["Windows-1252 (not UTF-8)", new Uint8Array([0x50, 0x61, 0x72, 0x69, 0x73, 0x0a, 0xc9, 0x76, 0x72, 0x79]), "csv_encoding"],
    ["a binary file", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "csv_not_text"],
    ["an unclosed quote", utf8('Paris\n"Lyon\n'), "csv_invalid"],
    ["too big", new Uint8Array(CSV_MAX_BYTES + 1).fill(0x61), "csv_too_big"],
  ])("refuses %s", (_name, bytes, key) => {
    const result = parseOptionsCsv(bytes, "list");
    expect(result.ok ? null : result.key).toBe(key);
  });

  it("accepts 5 000 lines and refuses one more", () => {
    const lines = (n: number) => utf8(Array.from({ length: n }, (_, i) => `Option ${i}`).join("\n"));
    expect(parseOptionsCsv(lines(CSV_MAX_LINES), "list")).toMatchObject({ ok: true, count: CSV_MAX_LINES });
    expect(parseOptionsCsv(lines(CSV_MAX_LINES + 1), "list")).toEqual({
      ok: false,
      key: "csv_too_many_lines",
      params: { max: CSV_MAX_LINES },
    });
  });
});
