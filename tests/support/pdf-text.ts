/** Reads a PDF back (unpdf): its text, page count and metadata, for content tests. */
import { extractText, getDocumentProxy, getMeta } from "unpdf";

export async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  const meta = await getMeta(pdf);
  return { pages: totalPages, text: text.replace(/\s+/g, " "), info: meta.info as Record<string, unknown> };
}
