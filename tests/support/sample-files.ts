/**
 * Tiny real files for upload tests: each starts with its format's true signature, so content
 * sniffing (`file-type`) recognises it as a browser-sent file of that format would be.
 */

/** A valid 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd2a9f0000000049454e44ae426082",
  "hex",
);

/** A JPEG (JFIF header, then end of image). */
export const JPEG_BYTES = Buffer.from(
  "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffd9",
  "hex",
);

/** A one-page PDF. */
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** Text that is not a PNG, whatever its name says. */
export const TEXT_BYTES = Buffer.from("Ceci est un simple texte, pas une image.\n", "utf8");

/** A CSV exported by a spreadsheet (Windows-1252 accents). */
export const CSV_BYTES = Buffer.from("nom;prénom\nDupont;Zoé\n", "latin1");
