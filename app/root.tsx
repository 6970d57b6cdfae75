import dsfrCss from "@codegouvfr/react-dsfr/main.css?url";
import faviconSvg from "@codegouvfr/react-dsfr/favicon/favicon.svg?url";
import { setUseLang } from "@codegouvfr/react-dsfr/i18n";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type LinksFunction,
  type ShouldRevalidateFunctionArgs,
} from "react-router";
import { NAMESPACES, namespaceStrings } from "../common/i18n";
import type { Route } from "./+types/root";
import { ErrorPage } from "./components/error-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import appCss from "./app.css?url";
import { useLocale, useRootData, useT } from "./lib/i18n";
import { requestState, services } from "./lib/request.server";
import { cookiesMiddleware, csrfMiddleware } from "./middleware/csrf.server";

// The DSFR components' own texts (footer, header) follow the request's language on the server and in
// the browser alike; without this the server renders them in French (the DSFR's default) and a browser
// in English re-renders them in English, a hydration mismatch.
setUseLang({ useLang: useLocale });

export const middleware: Route.MiddlewareFunction[] = [cookiesMiddleware, csrfMiddleware];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dsfrCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: faviconSvg, type: "image/svg+xml" },
];

/** Translations every page uses (header, footer, error pages); each route adds its own. */
export const handle = { i18n: ["common", "auth"] };

export async function loader({ context }: Route.LoaderArgs) {
  const state = requestState(context);
  const { config } = services(context);
  return {
    locale: state.locale,
    /** Only the locale's namespaces the matched routes declare; a missing one throws outside production. */
    translations: namespaceStrings(state.locale, state.i18nNamespaces ?? NAMESPACES),
    strictTranslations: !config.production,
    csrfToken: state.csrfToken,
    nonce: state.nonce,
    mailboxEnabled: config.mailboxEnabled,
    user: state.user
      ? {
          email: state.user.email,
          administrateur: state.user.administrateurId !== null,
          instructeur: state.user.instructeurId !== null,
          expert: state.user.expertId !== null,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

/**
 * Another page may need other translations: the root data follows the URL's path. A page's own action
 * (an autosave…) does not change the session or the language (those actions have their own URL), so
 * it does not resend the root data and its translations.
 */
export function shouldRevalidate({ currentUrl, nextUrl, formAction, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname !== nextUrl.pathname) return true;
  if (formAction && new URL(formAction, currentUrl).pathname.replace(/\.data$/, "") === currentUrl.pathname) return false;
  return defaultShouldRevalidate;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const t = useT();
  return (
    <html lang={data?.locale ?? "fr"} data-fr-scheme="light" data-fr-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <div className="fr-skiplinks">
          <nav className="fr-container" aria-label={t("common.skipLinks")}>
            <ul className="fr-skiplinks__list">
              <li>
                <a className="fr-link" href="#contenu">
                  {t("common.skipToContent")}
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="fr-container fr-my-4w">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={data?.nonce} />
        <Scripts nonce={data?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Last-resort boundary (errors of the root itself, e.g. a refused CSRF token); pages use the layout's. */
export function ErrorBoundary() {
  return <ErrorPage />;
}
