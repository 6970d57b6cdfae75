/**
 * Names shared by the CSV import form (browser) and its server side. Kept apart from
 * `csv-import.ts`, which parses files with csv-parse (Node only): importing that into a page
 * would ship Node code to the browser.
 */

/** The import form posts to the editor page with `?importOptions=<stableId>`. */
export const OPTIONS_IMPORT_PARAM = "importOptions";
/** The editor page after a successful import: `?options_importees=<stableId>-<count>`. */
export const IMPORTED_PARAM = "options_importees";

/** Errors are reported on the file input (`csvFile`). */
export const CSV_FIELD = "csvFile";
