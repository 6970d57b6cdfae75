/**
 * « Télécharger le dossier »: the dossier's document (`buildDossierDocument`, pure) drawn as a PDF.
 * Identity and dates first, then the form as the dossier page shows it.
 */
import { translate } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { DocumentItem, DossierDocument } from "../domain/documents/dossier-document";
import { heading, labelValue, type PdfOptions, type PdfWriter, paragraph, summaryTable, title } from "./pdf";

export function dossierPdfOptions(document: DossierDocument, locale: Locale): PdfOptions {
  return { title: document.title, locale, header: document.header, footer: document.generatedAt };
}

/** The form's items, from `formItems` (also the receipt's summary). */
export function drawFormItems(doc: PdfWriter, items: readonly DocumentItem[], locale: Locale) {
  let indent = 0;
  for (const item of items) {
    switch (item.kind) {
      case "section":
        indent = 0;
        heading(doc, item.title, item.level + 1);
        break;
      case "block":
        indent = 0;
        heading(doc, item.label, 3);
        if (item.empty) paragraph(doc, translate(locale, "documents.dossier.noRow"), { muted: true });
        break;
      case "row":
        indent = 12;
        paragraph(doc, item.label, { indent: 6, muted: true, size: 9 });
        break;
      case "note":
        if (!item.inRow) indent = 0;
        labelValue(doc, item.label, item.text, { indent });
        break;
      case "field":
        if (!item.inRow) indent = 0;
        labelValue(doc, item.label, item.text, {
          indent,
          lines: item.files.map((file) => `${file.filename} (${file.size})`),
        });
        break;
    }
  }
}

export function drawDossier(doc: PdfWriter, document: DossierDocument, locale: Locale) {
  title(doc, document.title);
  heading(doc, translate(locale, "documents.dossier.identity"));
  summaryTable(doc, document.summary);
  heading(doc, translate(locale, "documents.dossier.form"));
  drawFormItems(doc, document.items, locale);
}
