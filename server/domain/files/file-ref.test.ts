import { describe, expect, it } from "vitest";
import { FILENAME_MAX_LENGTH, fileRefSchema, formatByteSize, sanitizeFilename } from "./file-ref";

describe("sanitizeFilename", () => {
  it.each([
    ["relevé.pdf", "relevé.pdf"],
    ["C:\\Users\\zoe\\scan.pdf", "scan.pdf"],
    ["../../etc/passwd", "passwd"],
    ["  nom\u0000avec\u0007contrôles.txt ", "nomaveccontrôles.txt"],
    ["e\u0301te\u0301.png", "été.png"],
    ["", "fichier"],
    ["..", "fichier"],
    ["dossier/", "fichier"],
  ])("%j → %j", (raw, expected) => expect(sanitizeFilename(raw)).toBe(expected));

  it("cuts long names and keeps the extension", () => {
    const name = sanitizeFilename(`${"a".repeat(400)}.pdf`);
    expect([...name].length).toBe(FILENAME_MAX_LENGTH);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("formatByteSize", () => {
  it.each([
    [0, "fr", "0 octet"],
    [1, "fr", "1 octet"],
    [1, "en", "1 byte"],
    [2, "en", "2 bytes"],
    [850, "fr", "850 octets"],
    [1536, "fr", "1,5 Ko"],
    [200 * 1024 * 1024, "fr", "200 Mo"],
    [20 * 1024 * 1024, "en", "20 MB"],
    [3 * 1024 ** 3, "en", "3 GB"],
  ] as const)("%d in %s → %s", (bytes, locale, expected) => {
    expect(formatByteSize(bytes, locale).replace(/\u202f|\u00a0/g, " ")).toBe(expected);
  });
});

describe("fileRefSchema", () => {
  const ref = { id: "0b6f6f2e-1a2b-4c3d-8e9f-0123456789ab", filename: "a.pdf", contentType: "application/pdf", byteSize: 12 };
  it("accepts a reference and refuses a malformed id or a negative size", () => {
    expect(fileRefSchema.safeParse(ref).success).toBe(true);
    expect(fileRefSchema.safeParse({ ...ref, id: "../x" }).success).toBe(false);
    expect(fileRefSchema.safeParse({ ...ref, byteSize: -1 }).success).toBe(false);
  });
});
