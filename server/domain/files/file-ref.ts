/**
 * A file as a champ value or a template refers to it: the attachment row's id and what pages show
 * without another query (name, type, size). The bytes are behind `/pieces-jointes/<id>`.
 */
import { z } from "zod";
import { translate, translatePlural } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";

/** File names are cut to this many characters (keeping the extension): storage keys never use them. */
export const FILENAME_MAX_LENGTH = 255;
/** Files one field can hold; far above any real need, it bounds the stored value. */
export const MAX_FILES_PER_CHAMP = 50;

export const fileRefSchema = z.object({
  id: z.uuid(),
  filename: z.string().min(1).max(FILENAME_MAX_LENGTH),
  contentType: z.string().min(1).max(255),
  byteSize: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const fileListSchema = z.array(fileRefSchema).max(MAX_FILES_PER_CHAMP);

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The name shown and offered at download: the last path segment of what the browser sent, NFC,
 * without control characters, at most 255 characters with the extension kept. Never used as a path.
 */
export function sanitizeFilename(raw: string, fallback = "fichier"): string {
  const base = (raw.normalize("NFC").split(/[\\/]/).pop() ?? "").replace(CONTROL_CHARS, "").trim();
  const name = base === "" || base === "." || base === ".." ? fallback : base;
  const chars = [...name];
  if (chars.length <= FILENAME_MAX_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? [...name.slice(dot)].slice(0, 16).join("") : "";
  return chars.slice(0, FILENAME_MAX_LENGTH - extension.length).join("") + extension;
}

// "bytes" has plural forms (bytes_one, bytes_other): « 1 octet », « 850 octets ».
const UNITS = ["bytes", "kilobytes", "megabytes", "gigabytes"] as const;

/** "850 octets", "1,5 Mo" / "1.5 MB": binary multiples as the reference (`number_to_human_size`). */
export function formatByteSize(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  if (unit === 0) return translatePlural(locale, "fichiers.units.bytes", bytes, { n: number });
  return translate(locale, `fichiers.units.${UNITS[unit]}`, { n: number });
}
