/**
 * The attestation PDF (the reference's v1 attestation, drawn with pdfkit on the PDF layer of
 * decision 0016): optional « République française » brand block (Marianne, « Liberté Égalité
 * Fraternité »), the démarche's logo, the title, the body (plain text, tags already replaced),
 * the signature image at the bottom right and the footer on every page.
 */
import { translate } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { AttestationText } from "../domain/attestations/attestations";
import { COLORS, FONTS, PAGE, type PdfOptions, type PdfWriter } from "./pdf";

export interface AttestationDocument {
  /** Texts with the dossier's values. */
  text: AttestationText;
  officialLayout: boolean;
  /** PNG or JPEG bytes. */
  logo: Buffer | null;
  signature: Buffer | null;
  header: { demarche: string; organisme: string | null };
  /** « Attestation générée le … ». */
  generatedAt: string;
}

export function attestationPdfOptions(document: AttestationDocument, locale: Locale): PdfOptions {
  const footer = [document.text.footer, document.generatedAt].filter((part) => part !== "").join(" – ");
  return { title: document.text.title, locale, header: document.header, footer };
}

const WIDTH = PAGE.width - 2 * PAGE.margin;

/** An image that cannot be decoded is left out rather than failing the attestation. */
function drawImage(doc: PdfWriter, bytes: Buffer, x: number, y: number, fit: [number, number], align: "left" | "right") {
  try {
    doc.image(bytes, x, y, align === "right" ? { fit, align: "right" } : { fit });
    return true;
  } catch {
    return false;
  }
}

export function drawAttestation(doc: PdfWriter, document: AttestationDocument, locale: Locale) {
  const top = doc.y;
  let blockBottom = top;
  if (document.officialLayout) {
    // The State's brand block: « RÉPUBLIQUE FRANÇAISE » in capitals, then the motto.
    doc.font(FONTS.bold).fontSize(11).fillColor(COLORS.text);
    doc.text(translate(locale, "attestations.pdf.republique"), PAGE.margin, top, { width: 160, lineGap: 0 });
    doc.moveDown(0.3);
    doc.font(FONTS.light).fontSize(8).fillColor(COLORS.text);
    doc.text(translate(locale, "attestations.pdf.devise"), PAGE.margin, doc.y, { width: 160 });
    blockBottom = Math.max(blockBottom, doc.y);
  }
  if (document.logo) {
    const drawn = drawImage(doc, document.logo, PAGE.width - PAGE.margin - 120, top, [120, 70], "right");
    if (drawn) blockBottom = Math.max(blockBottom, top + 70);
  }
  doc.y = blockBottom + (blockBottom > top ? 30 : 0);
  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.blue);
  doc.text(document.text.title, PAGE.margin, doc.y, { width: WIDTH, align: "center" });
  doc.moveDown(1.5);
  doc.font(FONTS.regular).fontSize(11).fillColor(COLORS.text);
  for (const paragraph of document.text.body.split(/\n{2,}/)) {
    if (paragraph.trim() === "") continue;
    doc.text(paragraph.trim(), PAGE.margin, doc.y, { width: WIDTH, lineGap: 2 });
    doc.moveDown(0.8);
  }
  if (document.signature) {
    if (doc.y + 110 > PAGE.height - PAGE.bottom) doc.addPage();
    drawImage(doc, document.signature, PAGE.width - PAGE.margin - 160, doc.y + 20, [160, 90], "right");
  }
}
