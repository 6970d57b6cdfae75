/**
 * Every translation, for the server (pages are rendered with the full dictionary). The browser build
 * replaces this module by `dictionaries.browser.ts` (see vite.config.ts): the browser receives only
 * its locale's namespaces its page declares, in the root loader's data.
 */
import { en } from "./locales/en";
import { fr } from "./locales/fr";

export const dictionaries: Record<string, Record<string, unknown>> | null = { fr, en };
