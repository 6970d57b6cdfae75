/**
 * The PDF layer (decision 0016): A4 pages drawn by pdfkit with the Marianne fonts embedded
 * (subset), a header naming the démarche (and its organisme), page numbers in the footer, and
 * the document's title and language in its metadata (shown as the window title by readers).
 * Every Guichet document (dossier, receipt, attestation) is a function drawing on a `PdfWriter`;
 * the result streams to an HTTP response or to storage (`pdfStream`), or is collected (`pdfBytes`)
 * for a mail attachment.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { translate } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";

export const PDF_CONTENT_TYPE = "application/pdf";

/** Font names registered in every document. */
export const FONTS = { regular: "Marianne", bold: "Marianne-Bold", light: "Marianne-Light" } as const;

const FONT_FILES: Record<keyof typeof FONTS, string> = {
  regular: "Marianne-Regular.woff",
  bold: "Marianne-Bold.woff",
  light: "Marianne-Light.woff",
};

/** A font as pdfkit embeds it (a parsed fontkit font: parsing the WOFF takes most of a small document's time). */
type ParsedFont = object;
let parsedFonts: Record<keyof typeof FONTS, ParsedFont> | null = null;

/**
 * The Marianne files of the DSFR package, read and parsed once per process and shared by every
 * document (each still embeds its own subset). Marianne is the State's font: its use is reserved to
 * State services (DSFR terms of use, see decision 0016).
 */
function fonts(): Record<keyof typeof FONTS, ParsedFont> {
  if (!parsedFonts) {
    const require = createRequire(import.meta.url);
    // pdfkit takes an already parsed font (anything with `layout`); a throwaway document parses it.
    const parse = (file: string): ParsedFont => {
      const probe = new PDFDocument({ autoFirstPage: false });
      probe.registerFont("probe", readFileSync(require.resolve(`@codegouvfr/react-dsfr/dsfr/fonts/${file}`)));
      probe.font("probe");
      return (probe as unknown as { _font: { font: ParsedFont } })._font.font;
    };
    parsedFonts = { regular: parse(FONT_FILES.regular), bold: parse(FONT_FILES.bold), light: parse(FONT_FILES.light) };
  }
  return parsedFonts;
}

export const COLORS = { text: "#161616", muted: "#666666", blue: "#000091", rule: "#dddddd" } as const;

/** A4 in points, with 2 cm margins (more at the top for the header, at the bottom for the footer). */
export const PAGE = { width: 595.28, height: 841.89, margin: 56.7, top: 90, bottom: 70 } as const;

export interface PdfOptions {
  /** The document's title (metadata and readers' window title). */
  title: string;
  locale: Locale;
  /** Shown at the top of every page: the démarche and, when known, its organisme. */
  header: { demarche: string; organisme: string | null };
  subject?: string;
  /** Footer text left of the page numbers (e.g. the generation date). */
  footer?: string;
}

export type PdfWriter = PDFKit.PDFDocument & { readonly pdfOptions: PdfOptions };

/** A new document with fonts, metadata and the header on every page (page numbers are added at `finish`). */
export function createPdf(options: PdfOptions): PdfWriter {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: false,
    lang: options.locale === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: options.title,
      Subject: options.subject ?? options.header.demarche,
      Author: options.header.organisme ?? translate(options.locale, "documents.platform"),
      Creator: translate(options.locale, "documents.platform"),
      Producer: translate(options.locale, "documents.platform"),
    },
  }) as PdfWriter;
  Object.defineProperty(doc, "pdfOptions", { value: options });
  const parsed = fonts() as Record<keyof typeof FONTS, PDFKit.Mixins.PDFFontSource>;
  doc.registerFont(FONTS.regular, parsed.regular);
  doc.registerFont(FONTS.bold, parsed.bold);
  doc.registerFont(FONTS.light, parsed.light);
  doc.on("pageAdded", () => drawHeader(doc));
  doc.addPage();
  return doc;
}

function drawHeader(doc: PdfWriter) {
  const { header } = doc.pdfOptions;
  const width = PAGE.width - 2 * PAGE.margin;
  const { x, y } = doc;
  doc.save();
  doc.font(FONTS.bold).fontSize(9).fillColor(COLORS.blue);
  doc.text(header.organisme ?? translate(doc.pdfOptions.locale, "documents.platform"), PAGE.margin, 30, {
    width,
    lineBreak: false,
    ellipsis: true,
  });
  doc.font(FONTS.regular).fontSize(9).fillColor(COLORS.muted);
  doc.text(header.demarche, PAGE.margin, 44, { width, lineBreak: false, ellipsis: true });
  doc
    .moveTo(PAGE.margin, 62)
    .lineTo(PAGE.width - PAGE.margin, 62)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.restore();
  doc.font(FONTS.regular).fontSize(10).fillColor(COLORS.text);
  doc.x = x;
  doc.y = y;
}

/** Writes the footers (text and « Page n sur N ») on every buffered page, then ends the document. */
export function finish(doc: PdfWriter) {
  const range = doc.bufferedPageRange();
  const width = PAGE.width - 2 * PAGE.margin;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin must not add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 40;
    doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted);
    if (doc.pdfOptions.footer) doc.text(doc.pdfOptions.footer, PAGE.margin, y, { width, lineBreak: false, ellipsis: true });
    doc.text(translate(doc.pdfOptions.locale, "documents.page", { n: i + 1, total: range.count }), PAGE.margin, y, {
      width,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}

/** The document as a stream (pdfkit's documents are readable streams): pipe it to a response or storage. */
export function pdfStream(draw: (doc: PdfWriter) => void, options: PdfOptions): Readable {
  const doc = createPdf(options);
  draw(doc);
  finish(doc);
  return doc as unknown as Readable;
}

/** The document's bytes (mail attachments, tests). */
export async function pdfBytes(draw: (doc: PdfWriter) => void, options: PdfOptions): Promise<Buffer> {
  const stream = pdfStream(draw, options);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ------------------------------------------------------------------ drawing helpers

const contentWidth = () => PAGE.width - 2 * PAGE.margin;

/** A title: 18 pt bold, blue. */
export function title(doc: PdfWriter, text: string) {
  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.blue).text(text, PAGE.margin, doc.y, { width: contentWidth() });
  doc.moveDown(0.6);
}

/** A heading of level 1–3 (16, 13, 11 pt), kept with at least a few lines of what follows. */
export function heading(doc: PdfWriter, text: string, level = 1) {
  const size = level <= 1 ? 14 : level === 2 ? 12 : 11;
  if (doc.y > PAGE.height - PAGE.bottom - 80) doc.addPage();
  doc.moveDown(level <= 1 ? 0.8 : 0.5);
  doc
    .font(FONTS.bold)
    .fontSize(size)
    .fillColor(level <= 1 ? COLORS.blue : COLORS.text);
  doc.text(text, PAGE.margin, doc.y, { width: contentWidth() });
  if (level <= 1) {
    const y = doc.y + 2;
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.width - PAGE.margin, y)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
  }
  doc.moveDown(0.4);
}

export function paragraph(doc: PdfWriter, text: string, options: { indent?: number; muted?: boolean; size?: number } = {}) {
  const indent = options.indent ?? 0;
  doc
    .font(FONTS.regular)
    .fontSize(options.size ?? 10)
    .fillColor(options.muted ? COLORS.muted : COLORS.text);
  doc.text(text, PAGE.margin + indent, doc.y, { width: contentWidth() - indent });
  doc.moveDown(0.3);
}

/** A label (bold) above its value; `lines` under it (a list of files). */
export function labelValue(doc: PdfWriter, label: string, value: string, options: { indent?: number; lines?: string[] } = {}) {
  const indent = options.indent ?? 0;
  const width = contentWidth() - indent;
  if (doc.y > PAGE.height - PAGE.bottom - 40) doc.addPage();
  doc
    .font(FONTS.bold)
    .fontSize(10)
    .fillColor(COLORS.text)
    .text(label, PAGE.margin + indent, doc.y, { width });
  doc.font(FONTS.regular).fontSize(10).fillColor(COLORS.text);
  if (value !== "") doc.text(value, PAGE.margin + indent, doc.y, { width });
  for (const line of options.lines ?? []) doc.text(`• ${line}`, PAGE.margin + indent + 8, doc.y, { width: width - 8 });
  doc.moveDown(0.5);
}

/** A two-column table of label/value lines (identity, dates). */
export function summaryTable(doc: PdfWriter, lines: ReadonlyArray<{ label: string; value: string }>) {
  const labelWidth = 170;
  const valueWidth = contentWidth() - labelWidth - 10;
  for (const line of lines) {
    doc.font(FONTS.regular).fontSize(10);
    const height = Math.max(
      doc.heightOfString(line.label, { width: labelWidth }),
      doc.heightOfString(line.value || " ", { width: valueWidth }),
    );
    if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
    const y = doc.y;
    doc.font(FONTS.bold).fillColor(COLORS.muted).text(line.label, PAGE.margin, y, { width: labelWidth });
    doc
      .font(FONTS.regular)
      .fillColor(COLORS.text)
      .text(line.value, PAGE.margin + labelWidth + 10, y, { width: valueWidth });
    doc.y = y + height + 4;
  }
  doc.x = PAGE.margin;
}
