/** The PDF receipt attached to the accusé de réception (`buildReceiptDocument`, pure, drawn here). */
import { translate } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { DossierDocument } from "../domain/documents/dossier-document";
import { drawFormItems } from "./dossier-pdf";
import { heading, type PdfOptions, type PdfWriter, paragraph, summaryTable, title } from "./pdf";

export function receiptPdfOptions(document: DossierDocument, locale: Locale): PdfOptions {
  return {
    title: document.title,
    locale,
    header: document.header,
    footer: document.generatedAt,
    subject: translate(locale, "documents.receipt.heading"),
  };
}

export function drawReceipt(doc: PdfWriter, document: DossierDocument, locale: Locale) {
  title(doc, translate(locale, "documents.receipt.heading"));
  paragraph(doc, translate(locale, "documents.receipt.intro"));
  doc.moveDown(0.5);
  summaryTable(doc, document.summary);
  heading(doc, translate(locale, "documents.receipt.summary"));
  drawFormItems(doc, document.items, locale);
}
