/**
 * Streaming writers of tabular exports. Sheets are written one after the other, row by row, into
 * `output` (read by the storage while it is written): a writer never holds more than a row and its
 * format's small buffers. `writeRow` resolves once the row may be followed (backpressure).
 */
import type { Readable, Writable } from "node:stream";
import type { Cell } from "../domain/exports/cells";

export interface SheetWriter {
  readonly output: Readable;
  startSheet(name: string, headers: readonly string[]): Promise<void>;
  writeRow(cells: readonly Cell[]): Promise<void>;
  endSheet(): Promise<void>;
  /** Ends the file; `output` then ends. */
  finish(): Promise<void>;
}

/** Writes a chunk and waits for `drain` when the stream's buffer is full. */
export function writeWithBackpressure(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off("error", onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off("drain", onDrain);
      reject(error);
    };
    stream.once("drain", onDrain);
    stream.once("error", onError);
  });
}

/** A date cell with no time of day (midnight wall-clock) is a calendar day. */
export function isDateOnly(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
}

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (wall-clock): dates in text formats. */
export function isoWallClock(date: Date): string {
  const iso = date.toISOString();
  return isDateOnly(date) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
