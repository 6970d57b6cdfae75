/**
 * Translation files are plain nested objects of strings, one file per namespace and locale
 * (`locales/<locale>/<namespace>.ts`). French is the source of truth; the English file of a
 * namespace is typed `satisfies Translation<typeof fr>` so a missing or extra key does not compile.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";
