/**
 * CSV (RFC 4180, comma-separated, CRLF, UTF-8 with a byte order mark so that Excel reads the
 * accents): only the first sheet, the dossiers, as the reference's CSV has no repetition sheets.
 */
import { PassThrough } from "node:stream";
import type { Cell } from "../domain/exports/cells";
import { isoWallClock, type SheetWriter, writeWithBackpressure } from "./sheet-writer";

export function csvField(cell: Cell): string {
  if (cell === null) return "";
  const text = cell instanceof Date ? isoWallClock(cell) : typeof cell === "boolean" ? (cell ? "true" : "false") : String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function createCsvWriter(): SheetWriter {
  const output = new PassThrough();
  let sheet = 0;
  let active = false;
  return {
    output,
    async startSheet(_name, headers) {
      sheet++;
      active = sheet === 1;
      if (active) await writeWithBackpressure(output, `\uFEFF${headers.map(csvField).join(",")}\r\n`);
    },
    async writeRow(cells) {
      if (active) await writeWithBackpressure(output, `${cells.map(csvField).join(",")}\r\n`);
    },
    async endSheet() {
      active = false;
    },
    async finish() {
      if (sheet === 0) output.write("\uFEFF");
      output.end();
    },
  };
}
