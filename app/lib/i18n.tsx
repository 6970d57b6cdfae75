import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, getT, getTn, type Locale, type PluralTFunction, type TFunction } from "../../common/i18n";
import type { RootData } from "../root";

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

/** The translation function of the current request's language. */
export function useT(): TFunction {
  return getT(useLocale());
}

/** Strings that vary with a count (`<key>_one` / `<key>_other`): `tn("instructeur.procedures.counterLink", 3, {…})`. */
export function useTn(): PluralTFunction {
  return getTn(useLocale());
}
