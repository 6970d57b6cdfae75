import { useRouteLoaderData } from "react-router";
import {
  DEFAULT_LOCALE,
  getT,
  getTn,
  type Locale,
  type PluralTFunction,
  registerTranslations,
  type TFunction,
} from "../../common/i18n";
import type { RootData } from "../root";

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

let registered: unknown = null;

/** The translation function of the current request's language. */
export function useT(): TFunction {
  const data = useRootData();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // In the browser, the page's translations come with the root data (on the server they are all there).
  if (typeof document !== "undefined" && data && data.translations !== registered) {
    registerTranslations(locale, data.translations, data.strictTranslations);
    registered = data.translations;
  }
  return getT(locale);
}

/** Strings that vary with a count (`<key>_one` / `<key>_other`): `tn(key, 3, params)`. */
export function useTn(): PluralTFunction {
  return getTn(useLocale());
}
