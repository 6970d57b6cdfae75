import { DEFAULT_LOCALE, LOCALES, type Locale } from "./types";
import type { fr } from "./locales/fr";
import { dictionaries as builtIn } from "./dictionaries";

export { DEFAULT_LOCALE, LOCALES, type Locale } from "./types";

type Dict = typeof fr;

/** Dotted paths to every string leaf of the French dictionary: "common.save", "champs.errors.required"… */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TranslationKey = Leaves<Dict>;
export type TranslationParams = Record<string, string | number>;
export type TFunction = (key: TranslationKey, params?: TranslationParams) => string;

export type Namespace = keyof Dict & string;
/** Every namespace, once: a namespace missing here does not compile (the client could never receive it). */
const NAMESPACE_FLAGS = {
  common: true,
  auth: true,
  admin: true,
  usager: true,
  instructeur: true,
  mail: true,
  champs: true,
  dossiers: true,
  conditions: true,
  prefill: true,
  fichiers: true,
  revisions: true,
  legal: true,
  liste: true,
  avis: true,
  notifications: true,
  messagerie: true,
  exports: true,
  equipe: true,
  statistiques: true,
  groupes: true,
  modeles: true,
  documents: true,
  webhooks: true,
  cycle: true,
  presentation: true,
  attestations: true,
  entreprise: true,
  console: true,
  conservation: true,
} as const satisfies Record<Namespace, true>;
export const NAMESPACES = Object.keys(NAMESPACE_FLAGS) as Namespace[];
/** The namespaces of one locale that a page needs, as the root loader sends them to the browser. */
export type NamespaceStrings = Partial<Record<Namespace, unknown>>;

/**
 * The translations this process has: all of them on the server; in the browser, those registered from
 * the page's data (its locale, the namespaces its routes declare in `handle.i18n`).
 */
const dictionaries: Record<string, Record<string, unknown>> = builtIn ? { ...builtIn } : { fr: {}, en: {} };
/** In the browser outside production: a key of a namespace the page did not receive throws. */
let strictMissingNamespaces = false;

/** Browser: adds the namespaces a page received; `strict` makes a key of a missing namespace throw. */
export function registerTranslations(locale: Locale, strings: NamespaceStrings, strict: boolean) {
  const target = dictionaries[locale] ?? {};
  Object.assign(target, strings);
  dictionaries[locale] = target;
  strictMissingNamespaces = strict;
}

/** What the browser needs of `locale` for a page whose routes declare `namespaces`. */
export function namespaceStrings(locale: Locale, namespaces: Iterable<string>): NamespaceStrings {
  const dict = dictionaries[locale] ?? {};
  const picked: NamespaceStrings = {};
  for (const ns of namespaces) {
    if (ns in dict) picked[ns as Namespace] = dict[ns];
  }
  return picked;
}

export class MissingNamespaceError extends Error {}

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
  const text = lookup(dictionaries[locale], key) ?? lookup(dictionaries[DEFAULT_LOCALE], key);
  if (text === undefined && !builtIn) missingInBrowser(locale, key);
  return interpolate(text ?? key, params);
}

function missingInBrowser(locale: Locale, key: string) {
  const ns = key.split(".")[0] ?? "";
  if (dictionaries[locale]?.[ns] !== undefined) return; // the namespace is there, only the key is unknown
  const message = `Translations "${ns}" (${locale}) were not sent to this page, for the key "${key}": add "${ns}" to the route's \`export const handle = { i18n: [...] }\`.`;
  if (strictMissingNamespaces) throw new MissingNamespaceError(message);
  console.error(message);
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
