/**
 * Which files a field accepts, and the decision on one received file. Pure: the caller sniffs the
 * first bytes (`file-type`) and says whether they look like text; this module decides.
 *
 * Families are the reference's (`pj_format_families`: document_texte, tableur, presentation,
 * donnees, image_scan, audio, video, archive). A file is judged by its bytes, not by what the
 * browser claims:
 * - formats with a signature (PDF, images, office documents, audio, video, archives) are accepted
 *   when the sniffed type is one of the accepted formats, whatever the file's extension;
 * - generic containers (zip, the OLE2 compound file of old Office documents, XML) tell only the
 *   container: the extension must then name an accepted format of that container (.doc, .xls,
 *   .ppt, .pages, .kml…);
 * - plain text formats (txt, csv, tsv, json, xml without declaration) have no signature: they are
 *   accepted by extension only, and only if the first bytes look like text (no binary content);
 * - dBase tables (.dbf) have no reliable signature either: accepted by extension only.
 */

export const FORMAT_FAMILIES = [
  "document_texte",
  "tableur",
  "presentation",
  "donnees",
  "image_scan",
  "audio",
  "video",
  "archive",
] as const;
export type FormatFamily = (typeof FORMAT_FAMILIES)[number];

export function isFormatFamily(value: unknown): value is FormatFamily {
  return typeof value === "string" && (FORMAT_FAMILIES as readonly string[]).includes(value);
}

/** How a format is recognised. */
type Detection =
  /** Its own signature: `sniffed` lists the types `file-type` reports for it. */
  | { by: "signature"; sniffed: readonly string[] }
  /**
   * A container's signature (`sniffed`) plus one of the format's extensions. XML formats are text
   * too: without an XML declaration they have no signature and are recognised as text formats.
   */
  | { by: "container"; sniffed: readonly string[]; text?: boolean }
  /** No signature: the extension, and the first bytes must look like text. */
  | { by: "text" }
  /** No signature at all: the extension only. */
  | { by: "extension" };

export interface FileFormat {
  /** The content type stored and served for files of this format. */
  mime: string;
  extensions: readonly string[];
  families: readonly FormatFamily[];
  detection: Detection;
}

const ZIP = ["application/zip"];
const CFB = ["application/x-cfb"];
const XML = ["application/xml"];
/** Signatures that `file-type` finds in text files. */
const TEXT_SIGNATURES = new Set([...XML, "text/calendar", "text/vcard", "text/vtt"]);

const signature = (...sniffed: string[]): Detection => ({ by: "signature", sniffed });
const container = (sniffed: readonly string[]): Detection => ({ by: "container", sniffed, text: sniffed === XML });
const TEXT: Detection = { by: "text" };

/** Every format Guichet accepts somewhere. Order matters only for display. */
export const FILE_FORMATS: readonly FileFormat[] = [
  // document_texte
  { mime: "application/pdf", extensions: ["pdf"], families: ["document_texte"], detection: signature("application/pdf") },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    families: ["document_texte"],
    detection: signature("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  },
  {
    mime: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    families: ["document_texte"],
    detection: signature("application/vnd.oasis.opendocument.text"),
  },
  { mime: "application/msword", extensions: ["doc"], families: ["document_texte"], detection: container(CFB) },
  { mime: "application/rtf", extensions: ["rtf"], families: ["document_texte"], detection: signature("application/rtf") },
  { mime: "application/vnd.apple.pages", extensions: ["pages"], families: ["document_texte"], detection: container(ZIP) },
  { mime: "text/plain", extensions: ["txt"], families: ["document_texte"], detection: TEXT },
  // tableur
  {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    families: ["tableur"],
    detection: signature("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  },
  {
    mime: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: ["ods"],
    families: ["tableur"],
    detection: signature("application/vnd.oasis.opendocument.spreadsheet"),
  },
  { mime: "application/vnd.ms-excel", extensions: ["xls"], families: ["tableur"], detection: container(CFB) },
  { mime: "application/vnd.apple.numbers", extensions: ["numbers"], families: ["tableur"], detection: container(ZIP) },
  { mime: "text/csv", extensions: ["csv"], families: ["tableur", "donnees"], detection: TEXT },
  // presentation
  {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    families: ["presentation"],
    detection: signature("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
  },
  {
    mime: "application/vnd.oasis.opendocument.presentation",
    extensions: ["odp"],
    families: ["presentation"],
    detection: signature("application/vnd.oasis.opendocument.presentation"),
  },
  { mime: "application/vnd.ms-powerpoint", extensions: ["ppt"], families: ["presentation"], detection: container(CFB) },
  // donnees
  { mime: "application/json", extensions: ["json"], families: ["donnees"], detection: TEXT },
  { mime: "application/xml", extensions: ["xml"], families: ["donnees"], detection: container(XML) },
  { mime: "application/vnd.google-earth.kml+xml", extensions: ["kml"], families: ["donnees"], detection: container(XML) },
  { mime: "application/gpx+xml", extensions: ["gpx"], families: ["donnees"], detection: container(XML) },
  { mime: "text/tab-separated-values", extensions: ["tsv"], families: ["donnees"], detection: TEXT },
  { mime: "application/x-dbf", extensions: ["dbf"], families: ["donnees"], detection: { by: "extension" } },
  // image_scan
  { mime: "image/jpeg", extensions: ["jpg", "jpeg"], families: ["image_scan"], detection: signature("image/jpeg") },
  { mime: "image/png", extensions: ["png"], families: ["image_scan"], detection: signature("image/png") },
  { mime: "image/tiff", extensions: ["tif", "tiff"], families: ["image_scan"], detection: signature("image/tiff") },
  { mime: "image/webp", extensions: ["webp"], families: ["image_scan"], detection: signature("image/webp") },
  { mime: "image/gif", extensions: ["gif"], families: ["image_scan"], detection: signature("image/gif") },
  // audio
  { mime: "audio/mpeg", extensions: ["mp3"], families: ["audio"], detection: signature("audio/mpeg") },
  { mime: "audio/mp4", extensions: ["m4a"], families: ["audio"], detection: signature("audio/x-m4a", "audio/mp4") },
  { mime: "audio/aac", extensions: ["aac"], families: ["audio"], detection: signature("audio/aac") },
  { mime: "audio/wav", extensions: ["wav"], families: ["audio"], detection: signature("audio/wav") },
  // video
  { mime: "video/mp4", extensions: ["mp4"], families: ["video"], detection: signature("video/mp4") },
  { mime: "video/quicktime", extensions: ["mov"], families: ["video"], detection: signature("video/quicktime") },
  { mime: "video/3gpp", extensions: ["3gp"], families: ["video"], detection: signature("video/3gpp") },
  { mime: "video/x-ms-wmv", extensions: ["wmv"], families: ["video"], detection: signature("video/x-ms-asf") },
  // archive
  { mime: "application/zip", extensions: ["zip"], families: ["archive"], detection: signature("application/zip") },
  {
    mime: "application/x-7z-compressed",
    extensions: ["7z"],
    families: ["archive"],
    detection: signature("application/x-7z-compressed"),
  },
  {
    mime: "application/vnd.rar",
    extensions: ["rar"],
    families: ["archive"],
    detection: signature("application/x-rar-compressed"),
  },
  { mime: "application/gzip", extensions: ["gz"], families: ["archive"], detection: signature("application/gzip") },
];

/** Identity documents (`titre_identite`, and the reference's TITRE_IDENTITE nature): photos or scans. */
const IDENTITY_MIMES = new Set(["image/jpeg", "image/png"]);

/** What a field accepts: a list of formats and a size limit. */
export interface AcceptedFiles {
  formats: readonly FileFormat[];
  maxBytes: number;
}

/** Sizes of the reference: 200 MB per piece justificative, 20 MB per identity document. */
export const PIECE_JUSTIFICATIVE_MAX_BYTES = 200 * 1024 * 1024;
export const TITRE_IDENTITE_MAX_BYTES = 20 * 1024 * 1024;
/** Notices (explication) as the reference: 20 MB. */
export const NOTICE_MAX_BYTES = 20 * 1024 * 1024;

/** Formats of the chosen families; no family chosen means every format Guichet knows. */
export function formatsOfFamilies(families: readonly FormatFamily[] | undefined): readonly FileFormat[] {
  if (!families || families.length === 0) return FILE_FORMATS;
  return FILE_FORMATS.filter((format) => format.families.some((family) => families.includes(family)));
}

export function identityDocumentFormats(): readonly FileFormat[] {
  return FILE_FORMATS.filter((format) => IDENTITY_MIMES.has(format.mime));
}

/** The lower-case extension of a file name ("" when none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The `accept` attribute of a file input: extensions and types, so pickers filter but any browser works. */
export function acceptAttribute(formats: readonly FileFormat[]): string {
  const tokens = new Set<string>();
  for (const format of formats) {
    for (const extension of format.extensions) tokens.add(`.${extension}`);
    tokens.add(format.mime);
  }
  return [...tokens].join(",");
}

/** Extensions shown to users (".pdf, .docx, …"). */
export function extensionList(formats: readonly FileFormat[]): string {
  return [...new Set(formats.flatMap((format) => format.extensions.map((e) => `.${e}`)))].join(", ");
}

export interface SniffedFile {
  filename: string;
  /** What `file-type` recognised in the first bytes (undefined: no known signature). */
  sniffedMime: string | undefined;
  /** The first bytes contain no binary data (see `looksLikeText`). */
  looksLikeText: boolean;
}

export type FormatDecision = { ok: true; contentType: string } | { ok: false; code: "file_format_not_accepted" };

/** Accepts or refuses one file for a list of formats, and gives the content type to store. */
export function decideFormat(file: SniffedFile, formats: readonly FileFormat[]): FormatDecision {
  const extension = extensionOf(file.filename);
  const refused = { ok: false, code: "file_format_not_accepted" } as const;
  const accept = (format: FileFormat | undefined): FormatDecision => (format ? { ok: true, contentType: format.mime } : refused);
  const named = (format: FileFormat) => format.extensions.includes(extension);

  const isText = (f: FileFormat) => f.detection.by === "text" || (f.detection.by === "container" && f.detection.text === true);

  if (file.sniffedMime !== undefined) {
    const sniffed = file.sniffedMime;
    const own = formats.find((f) => f.detection.by === "signature" && f.detection.sniffed.includes(sniffed));
    // A container whose extension names a more precise format (a .pages is a zip) is that format.
    const inContainer = formats.find((f) => f.detection.by === "container" && f.detection.sniffed.includes(sniffed) && named(f));
    if (own || inContainer) return accept(inContainer ?? own);
    // XML is text: an XML file named .txt or .csv is judged as text below.
    if (!TEXT_SIGNATURES.has(sniffed)) return refused;
  }
  if (file.looksLikeText) return accept(formats.find((f) => isText(f) && named(f)));
  return accept(formats.find((f) => f.detection.by === "extension" && named(f)));
}

/**
 * True when the bytes can be text: no NUL and no control characters other than tab, line breaks,
 * form feed, escape and the old DOS end-of-file mark. UTF-8, Latin-1 and Windows-1252 (CSV files
 * exported by spreadsheets) pass; UTF-16 text does not (it is full of NUL bytes).
 */
export function looksLikeText(head: Uint8Array): boolean {
  for (const byte of head) {
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1a || byte === 0x1b) {
      continue;
    }
    return false;
  }
  return true;
}

/** What a piece_justificative field accepts (here, without zod, for the browser's input too). */
export function pieceJustificativeAcceptedFiles(options: { formatFamilies?: readonly FormatFamily[] }): AcceptedFiles {
  return { formats: formatsOfFamilies(options.formatFamilies), maxBytes: PIECE_JUSTIFICATIVE_MAX_BYTES };
}

/** What a titre_identite field accepts. */
export function titreIdentiteAcceptedFiles(): AcceptedFiles {
  return { formats: identityDocumentFormats(), maxBytes: TITRE_IDENTITE_MAX_BYTES };
}
