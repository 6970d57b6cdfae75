/**
 * Export formats and the reference's time rules (ds-behaviour §5.2 « Exports »): an identical
 * export pending or generated less than 5 minutes ago is reused; a generated file is kept 32 hours;
 * an export still pending after 16 hours is stuck (failed, purged).
 */
export const EXPORT_FORMATS = ["csv", "xlsx", "ods", "json", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const TABULAR_FORMATS: ReadonlySet<ExportFormat> = new Set(["csv", "xlsx", "ods"]);

export const REUSE_WITHIN_MS = 5 * 60 * 1000;
export const KEEP_FOR_MS = 32 * 60 * 60 * 1000;
export const STUCK_AFTER_MS = 16 * 60 * 60 * 1000;
/** A purged export's row stays this long, so that its link says « expired » instead of « not found ». */
export const PURGED_ROW_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  json: "application/json; charset=utf-8",
  zip: "application/zip",
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `dossiers_<démarche number>_<YYYY-MM-DD_HH-MM>.<ext>` (UTC), as the reference names its files. */
export function exportFilename(demarcheId: number, format: ExportFormat, at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace("T", "_").replace(":", "-");
  return `dossiers_${demarcheId}_${stamp}.${format}`;
}
