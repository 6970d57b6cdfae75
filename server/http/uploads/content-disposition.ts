/**
 * `Content-Disposition: attachment` with the file's name for every browser: an ASCII fallback in
 * `filename` and the exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987).
 */

/** Characters RFC 5987's attr-char allows unencoded; everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "Relevé d’identité.pdf" → "Releve d_identite.pdf": accents dropped, other non-ASCII and quotes replaced. */
export function asciiFallback(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  return ascii.trim() === "" ? "fichier" : ascii;
}

export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
