/**
 * XLSX with exceljs's streaming writer (decision 0011): each row is committed as soon as it is
 * added, each sheet committed before the next starts, so the workbook never holds its rows.
 * Numbers are numbers, dates are dates with a French day format; strings are inline (no shared
 * string table to keep in memory).
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "../domain/exports/cells";
import { isDateOnly, type SheetWriter } from "./sheet-writer";

type Worksheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter["addWorksheet"]>;

export function createXlsxWriter(): SheetWriter {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  let sheet: Worksheet | null = null;
  /** Waits while the file's buffer is full (the storage reads `output`). */
  const drained = () =>
    output.writableNeedDrain ? new Promise<void>((resolve) => output.once("drain", () => resolve())) : Promise.resolve();
  return {
    output,
    async startSheet(name, headers) {
      sheet = workbook.addWorksheet(name);
      const row = sheet.addRow([...headers]);
      row.font = { bold: true };
      row.commit();
    },
    async writeRow(cells: readonly Cell[]) {
      if (!sheet) throw new Error("writeRow before startSheet");
      const row = sheet.addRow(cells.map((c) => (c === null ? null : c)));
      cells.forEach((cell, index) => {
        if (cell instanceof Date) row.getCell(index + 1).numFmt = isDateOnly(cell) ? "dd/mm/yyyy" : "dd/mm/yyyy hh:mm";
      });
      row.commit();
      await drained();
    },
    async endSheet() {
      sheet?.commit();
      sheet = null;
    },
    async finish() {
      await workbook.commit();
    },
  };
}
