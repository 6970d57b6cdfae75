/**
 * Files a mail carries, named in the send-mail job's payload (small, JSON) and made when the job
 * runs: the payload says which document, the job draws it in the recipient's language. A document
 * that can no longer be made (the dossier was deleted meanwhile) makes the job fail and retry, then
 * give up, rather than send the mail without it.
 */
import { z } from "zod";
import { translate } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { DbOrTx } from "../db/client";
import { pdfBytes, PDF_CONTENT_TYPE } from "../documents/pdf";
import { drawReceipt, receiptPdfOptions } from "../documents/receipt-pdf";
import { loadReceiptDocument } from "../queries/dossier-document";
import type { MailAttachment } from "./layout";

export const mailAttachmentSpecSchema = z.discriminatedUnion("kind", [
  /** The accusé de réception's PDF receipt of a submitted dossier. */
  z.object({ kind: z.literal("dossier_receipt"), dossierId: z.number().int().positive() }),
]);
export type MailAttachmentSpec = z.infer<typeof mailAttachmentSpecSchema>;

export const mailAttachmentSpecsSchema = z.array(mailAttachmentSpecSchema).max(5);

export async function makeMailAttachments(
  db: DbOrTx,
  specs: readonly MailAttachmentSpec[],
  locale: Locale,
): Promise<MailAttachment[]> {
  const made: MailAttachment[] = [];
  for (const spec of specs) {
    switch (spec.kind) {
      case "dossier_receipt": {
        const document = await loadReceiptDocument(db, spec.dossierId, locale);
        made.push({
          filename: translate(locale, "documents.receipt.filename", { n: spec.dossierId }),
          contentType: PDF_CONTENT_TYPE,
          content: await pdfBytes((doc) => drawReceipt(doc, document, locale), receiptPdfOptions(document, locale)),
        });
        break;
      }
    }
  }
  return made;
}
