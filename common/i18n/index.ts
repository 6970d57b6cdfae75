import { DEFAULT_LOCALE, LOCALES, type Locale } from "./types";
import { fr } from "./locales/fr";
import { en } from "./locales/en";

export { DEFAULT_LOCALE, LOCALES, type Locale } from "./types";

type Dict = typeof fr;

/** Dotted paths to every string leaf of the French dictionary: "common.save", "champs.errors.required"… */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TranslationKey = Leaves<Dict>;
export type TranslationParams = Record<string, string | number>;
export type TFunction = (key: TranslationKey, params?: TranslationParams) => string;

const dictionaries: Record<Locale, Dict> = { fr, en: en as Dict };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function lookup(dict: unknown, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** `{name}` placeholders are replaced by params; a missing param is left visible rather than hidden. */
export function interpolate(template: string, params?: TranslationParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translate(locale: Locale, key: string, params?: TranslationParams): string {
  const text = lookup(dictionaries[locale], key) ?? lookup(dictionaries[DEFAULT_LOCALE], key) ?? key;
  return interpolate(text, params);
}

/**
 * Base keys of the strings that vary with a count: the dictionary holds `<key>_one` and `<key>_other`
 * (« 1 dossier », « 2 dossiers »); `tn` picks one with the language's plural rules (in French 0 and 1
 * are singular, in English only 1).
 */
type PluralBase<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends TranslationKey ? Base : never) : never;
export type PluralKey = PluralBase<TranslationKey>;
export type PluralTFunction = (key: PluralKey, count: number, params?: TranslationParams) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();

export function pluralForm(locale: Locale, count: number): "one" | "other" {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === "one" ? "one" : "other";
}

/** `{count}` is the count itself unless params give it a formatted text. */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params?: TranslationParams): string {
  return translate(locale, `${key}_${pluralForm(locale, count)}`, { count, ...params });
}

export function getTn(locale: Locale): PluralTFunction {
  return (key, count, params) => translatePlural(locale, key, count, params);
}

export function getT(locale: Locale): TFunction {
  return (key, params) => translate(locale, key, params);
}

/** Picks the first supported language of an Accept-Language header, French otherwise. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
