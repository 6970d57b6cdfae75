/** Real readers of the produced files, for the export tests: CSV, XLSX (exceljs), ODS and ZIP (yauzl + saxes). */
import type { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import type { Storage } from "../../../server/integrations/storage";

export async function storedBytes(storage: Storage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function readCsv(bytes: Buffer): string[][] {
  return parse(bytes.toString("utf8"), { bom: true, relax_column_count: true }) as string[][];
}

export async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Entries of a zip: name → bytes. */
export function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

export interface OdsCell {
  type: string | null;
  value: string | null;
  text: string;
}

/** The tables of an ODS content.xml: name → rows of typed cells. */
export function readOdsContent(xml: string): Map<string, OdsCell[][]> {
  const tables = new Map<string, OdsCell[][]>();
  const parser = new SaxesParser();
  let rows: OdsCell[][] = [];
  let row: OdsCell[] = [];
  let cell: OdsCell | null = null;
  let paragraphs: string[] = [];
  parser.on("opentag", (tag) => {
    const attr = (name: string) => {
      const a = (tag.attributes as Record<string, unknown>)[name];
      return typeof a === "string" ? a : null;
    };
    if (tag.name === "table:table") {
      rows = [];
      tables.set(attr("table:name") ?? "", rows);
    } else if (tag.name === "table:table-row") row = [];
    else if (tag.name === "table:table-cell") {
      const type = attr("office:value-type");
      cell = {
        type,
        value: attr("office:value") ?? attr("office:date-value") ?? attr("office:boolean-value"),
        text: "",
      };
      paragraphs = [];
    } else if (tag.name === "text:p") paragraphs.push("");
  });
  parser.on("text", (t) => {
    if (cell && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += t;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "table:table-cell" && cell) {
      cell.text = paragraphs.join("\n");
      row.push(cell);
      cell = null;
    } else if (tag.name === "table:table-row") rows.push(row);
  });
  parser.write(xml).close();
  return tables;
}

export async function streamText(stream: Readable): Promise<string> {
  return text(stream);
}
