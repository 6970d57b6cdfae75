/**
 * Sheet names of tabular exports. The reference names a repetition block's sheet
 * `(<stable_id>) <libellé>`, truncated to the spreadsheet limit; spreadsheets also refuse
 * `[ ] : * ? / \` and a leading or trailing apostrophe, and names must be unique (case-insensitively).
 */
export const SHEET_NAME_MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return cleaned === "" ? "Feuille" : cleaned;
}

/** A unique, valid name from `wanted`: truncated to 31 characters, then suffixed ` (2)`, ` (3)`… when taken. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = cleanSheetName(wanted);
  let candidate = [...base].slice(0, SHEET_NAME_MAX).join("").trimEnd();
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${[...base]
      .slice(0, SHEET_NAME_MAX - suffix.length)
      .join("")
      .trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export function repetitionSheetName(stableId: number, libelle: string, taken: Set<string>): string {
  return uniqueSheetName(`(${stableId}) ${libelle}`, taken);
}
