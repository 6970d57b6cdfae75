/**
 * File sizes for people, without zod (the browser's file inputs show them; decision 0014).
 * `file-ref.ts` re-exports it.
 */
import { translate, translatePlural } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";

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
