import { describe, expect, it } from "vitest";
import {
  FILE_FORMATS,
  FORMAT_FAMILIES,
  acceptAttribute,
  decideFormat,
  extensionList,
  extensionOf,
  formatsOfFamilies,
  identityDocumentFormats,
  looksLikeText,
} from "./formats";

const all = formatsOfFamilies(undefined);
const documents = formatsOfFamilies(["document_texte"]);
const images = formatsOfFamilies(["image_scan"]);
const tableurs = formatsOfFamilies(["tableur"]);
const donnees = formatsOfFamilies(["donnees"]);

describe("format families", () => {
  it("every family has formats and every format a known family", () => {
    for (const family of FORMAT_FAMILIES) expect(formatsOfFamilies([family]).length).toBeGreaterThan(0);
    for (const format of FILE_FORMATS) expect(format.families.length).toBeGreaterThan(0);
  });

  it("no family chosen means every format", () => {
    expect(formatsOfFamilies([])).toEqual(FILE_FORMATS);
    expect(all).toEqual(FILE_FORMATS);
  });

  it("identity documents are JPEG and PNG only", () => {
    expect(identityDocumentFormats().map((f) => f.mime)).toEqual(["image/jpeg", "image/png"]);
  });

  it("lists extensions for users and the file input", () => {
    expect(extensionList(images)).toBe(".jpg, .jpeg, .png, .tif, .tiff, .webp, .gif");
    expect(acceptAttribute(identityDocumentFormats())).toBe(".jpg,.jpeg,image/jpeg,.png,image/png");
  });
});

describe("extensionOf", () => {
  it.each([
    ["scan.PDF", "pdf"],
    ["archive.tar.gz", "gz"],
    [".bashrc", ""],
    ["sans-extension", ""],
    ["C:\\dossier\\photo.JPG", "jpg"],
  ])("%s → %s", (name, extension) => expect(extensionOf(name)).toBe(extension));
});

describe("decideFormat", () => {
  const decide = (filename: string, sniffedMime: string | undefined, formats = all, text = false) =>
    decideFormat({ filename, sniffedMime, looksLikeText: text }, formats);

  it.each([
    // Signatures decide, whatever the name.
    ["scan.pdf", "application/pdf", all, false, "application/pdf"],
    ["scan.txt", "application/pdf", documents, false, "application/pdf"],
    ["photo.png", "image/png", images, false, "image/png"],
    ["photo.jpg", "image/jpeg", images, false, "image/jpeg"],
    ["son.m4a", "audio/x-m4a", all, false, "audio/mp4"],
    // Containers need the extension of a format they hold.
    ["lettre.doc", "application/x-cfb", documents, false, "application/msword"],
    ["budget.xls", "application/x-cfb", tableurs, false, "application/vnd.ms-excel"],
    ["lettre.pages", "application/zip", documents, false, "application/vnd.apple.pages"],
    ["trace.gpx", "application/xml", donnees, false, "application/gpx+xml"],
    ["archive.zip", "application/zip", all, false, "application/zip"],
    // No signature: text formats by extension, if the bytes are text.
    ["notes.txt", undefined, documents, true, "text/plain"],
    ["liste.csv", undefined, tableurs, true, "text/csv"],
    ["data.json", undefined, donnees, true, "application/json"],
    ["points.kml", undefined, donnees, true, "application/vnd.google-earth.kml+xml"],
    ["notes.txt", "application/xml", documents, true, "text/plain"],
    ["table.dbf", undefined, donnees, false, "application/x-dbf"],
  ] as const)("accepts %s sniffed as %s", (filename, sniffed, formats, text, contentType) => {
    expect(decide(filename, sniffed, formats, text)).toEqual({ ok: true, contentType });
  });

  it.each([
    // A "PNG" that is really text.
    ["photo.png", undefined, images, true],
    // Binary data with a text extension.
    ["notes.txt", undefined, documents, false],
    // A PDF where only images are accepted.
    ["scan.pdf", "application/pdf", images, false],
    // A zip named .doc is not an old Word document.
    ["lettre.doc", "application/zip", documents, false],
    // An OLE file without an office extension.
    ["mystere.bin", "application/x-cfb", all, false],
    // Executables and unknown signatures.
    ["setup.exe", "application/x-msdownload", all, false],
    ["image.png", "image/heic", all, false],
    // A CSV where only text documents are accepted.
    ["liste.csv", undefined, documents, true],
    // A zip when archives are not accepted.
    ["archive.zip", "application/zip", documents, false],
  ] as const)("refuses %s sniffed as %s", (filename, sniffed, formats, text) => {
    expect(decide(filename, sniffed, formats, text)).toEqual({ ok: false, code: "file_format_not_accepted" });
  });
});

describe("looksLikeText", () => {
  it.each([
    ["UTF-8 with accents", Buffer.from("Zoé;Müller\r\n\tfin\f", "utf8"), true],
    ["Windows-1252", Buffer.from("caf\xe9", "latin1"), true],
    ["empty", Buffer.alloc(0), true],
    ["NUL byte", Buffer.from([0x41, 0x00, 0x42]), false],
    ["UTF-16", Buffer.from("texte", "utf16le"), false],
    ["control character", Buffer.from([0x41, 0x07]), false],
  ])("%s → %s", (_label, bytes, expected) => expect(looksLikeText(bytes)).toBe(expected));
});
