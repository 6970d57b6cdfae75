/**
 * OpenDocument spreadsheet written by hand (decision 0011): a zip (yazl) whose `content.xml` is
 * streamed as the rows come — sheet after sheet, one `<table:table-row>` per row — so memory does
 * not depend on the number of rows. Cells are typed (`float`, `date` with a day or day-and-time
 * style, `boolean`, `string`).
 */
import { PassThrough } from "node:stream";
import { ZipFile } from "yazl";
import type { Cell } from "../domain/exports/cells";
import { isDateOnly, type SheetWriter, writeWithBackpressure } from "./sheet-writer";

const MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
].join(" ");

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.2"><office:styles/></office:document-styles>`;

const CONTENT_START = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.2"><office:automatic-styles>
<number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:date-style style:name="N2"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<style:style style:name="day" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="moment" style:family="table-cell" style:data-style-name="N2"/>
<style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles><office:body><office:spreadsheet>`;

const CONTENT_END = "</office:spreadsheet></office:body></office:document-content>";

/** Text for XML: escaped, without the control characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `<text:p>${xmlText(line)}</text:p>`)
    .join("");

export function odsCell(cell: Cell, style?: string): string {
  const styled = style ? ` table:style-name="${style}"` : "";
  if (cell === null || cell === "") return "<table:table-cell/>";
  if (typeof cell === "number") {
    return `<table:table-cell office:value-type="float" office:value="${cell}"${styled}><text:p>${cell}</text:p></table:table-cell>`;
  }
  if (typeof cell === "boolean") {
    return `<table:table-cell office:value-type="boolean" office:boolean-value="${cell}"${styled}><text:p>${cell ? "true" : "false"}</text:p></table:table-cell>`;
  }
  if (cell instanceof Date) {
    const day = isDateOnly(cell);
    const iso = cell.toISOString().slice(0, 19);
    const shown = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}${day ? "" : ` ${iso.slice(11, 16)}`}`;
    return `<table:table-cell office:value-type="date" office:date-value="${day ? iso.slice(0, 10) : iso}" table:style-name="${day ? "day" : "moment"}"><text:p>${shown}</text:p></table:table-cell>`;
  }
  return `<table:table-cell office:value-type="string"${styled}>${paragraphs(cell)}</table:table-cell>`;
}

export function createOdsWriter(): SheetWriter {
  const zip = new ZipFile();
  const content = new PassThrough();
  zip.addBuffer(Buffer.from(MIMETYPE), "mimetype", { compress: false });
  zip.addBuffer(Buffer.from(MANIFEST), "META-INF/manifest.xml");
  zip.addBuffer(Buffer.from(STYLES), "styles.xml");
  zip.addReadStream(content, "content.xml");
  zip.end();
  const output = zip.outputStream as PassThrough;
  let started = false;
  const write = async (xml: string) => {
    if (!started) {
      started = true;
      await writeWithBackpressure(content, CONTENT_START);
    }
    await writeWithBackpressure(content, xml);
  };
  return {
    output,
    async startSheet(name, headers) {
      await write(
        `<table:table table:name="${xmlText(name)}"><table:table-row>${headers.map((h) => odsCell(h, "head")).join("")}</table:table-row>`,
      );
    },
    async writeRow(cells) {
      await write(`<table:table-row>${cells.map((c) => odsCell(c)).join("")}</table:table-row>`);
    },
    async endSheet() {
      await write("</table:table>");
    },
    async finish() {
      // A spreadsheet has at least one table.
      if (!started) await write('<table:table table:name="Dossiers"/>');
      content.end(CONTENT_END);
    },
  };
}
