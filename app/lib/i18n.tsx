import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, getT, type Locale, type TFunction } from "../../common/i18n";
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
