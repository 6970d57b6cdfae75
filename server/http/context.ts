/**
 * What the HTTP server hands to every loader and action through React Router's context.
 *
 * The server entry (server/http) and the route bundle (build/server) are two module graphs, so the
 * context keys are kept on globalThis: both sides must use the very same key objects.
 */
import { createContext, type RouterContext } from "react-router";
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Logger } from "../logger";
import type { Locale } from "../../common/i18n";

export interface AppServices {
  config: Config;
  db: Db;
  logger: Logger;
}

export interface CurrentUser {
  id: number;
  email: string;
  administrateurId: number | null;
  instructeurId: number | null;
  expertId: number | null;
}

export interface RequestState {
  /** Per-request nonce for the Content-Security-Policy of inline scripts. */
  nonce: string;
  locale: Locale;
  user: CurrentUser | null;
  /** SHA-256 of the session token, to sign out this session only. */
  sessionIdHash: string | null;
  csrfToken: string;
  /** Cookies to add to the response (set by middleware, sign-in, sign-out…). */
  setCookies: string[];
  clientIp: string;
  /** Translation namespaces the page's routes declare (`handle.i18n`): what the browser receives. */
  i18nNamespaces?: readonly string[];
  /**
   * On a form posted without JavaScript (a document request): renders the page's GET instead, with
   * the same session, so that a refused form (persona guard) shows the very 404 page a GET shows —
   * below the root, with its header — and no action runs.
   */
  renderAsGet?: () => Promise<Response>;
}

type Keys = { services: RouterContext<AppServices>; request: RouterContext<RequestState> };
const g = globalThis as unknown as { __guichetContextKeys?: Keys };
g.__guichetContextKeys ??= {
  services: createContext<AppServices>(),
  request: createContext<RequestState>(),
};

export const servicesContext = g.__guichetContextKeys.services;
export const requestContext = g.__guichetContextKeys.request;
