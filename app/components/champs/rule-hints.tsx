/**
 * The administrateur's rules of a number or date field, stated under its label so the usager
 * knows them before submitting (« Entre 3 et 10. », « Date passée uniquement. »).
 */
import type { DateRules } from "../../../server/domain/champs/types/date-rules";
import { formatIsoDate } from "../../../server/domain/champs/types/date-format";
import type { NumberRules } from "../../../server/domain/champs/types/number-rules";
import { useLocale, useT } from "../../lib/i18n";

/** Joins the hints that exist ("" parts dropped); undefined when none. */
export function joinHints(...hints: Array<string | null | undefined>): string | undefined {
  const list = hints.filter((hint): hint is string => typeof hint === "string" && hint !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

export function useNumberRulesHint(options: NumberRules, decimalSeparator = "."): string | undefined {
  const t = useT();
  const locale = useLocale();
  const format = (n: number) =>
    new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 3 })
      .format(n)
      .replace(".", decimalSeparator === "," ? "," : ".");
  const { positiveNumber, minNumber: min, maxNumber: max } = options;
  const range =
    min !== undefined && max !== undefined
      ? t("champs.numberRules.range", { min: format(min), max: format(max) })
      : min !== undefined
        ? t("champs.numberRules.min", { min: format(min) })
        : max !== undefined
          ? t("champs.numberRules.max", { max: format(max) })
          : null;
  // "Positive" says nothing more once the minimum is 0 or above.
  const positive = positiveNumber && !(min !== undefined && min >= 0) ? t("champs.numberRules.positive") : null;
  return joinHints(positive, range);
}

export function useDateRulesHint(options: DateRules): string | undefined {
  const t = useT();
  const locale = useLocale();
  const { dateInPast, startDate, endDate } = options;
  const range =
    startDate !== undefined && endDate !== undefined
      ? t("champs.dateRules.range", { min: formatIsoDate(startDate, locale), max: formatIsoDate(endDate, locale) })
      : startDate !== undefined
        ? t("champs.dateRules.min", { min: formatIsoDate(startDate, locale) })
        : endDate !== undefined
          ? t("champs.dateRules.max", { max: formatIsoDate(endDate, locale) })
          : null;
  return joinHints(dateInPast ? t("champs.dateRules.past") : null, range);
}
