import dsfrCss from "@codegouvfr/react-dsfr/main.css?url";
import faviconSvg from "@codegouvfr/react-dsfr/favicon/favicon.svg?url";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  type LinksFunction,
} from "react-router";
import type { Route } from "./+types/root";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import appCss from "./app.css?url";
import { useRootData, useT } from "./lib/i18n";
import { requestState, services } from "./lib/request.server";
import { cookiesMiddleware, csrfMiddleware } from "./middleware/csrf.server";

export const middleware: Route.MiddlewareFunction[] = [cookiesMiddleware, csrfMiddleware];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dsfrCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: faviconSvg, type: "image/svg+xml" },
];

export async function loader({ context }: Route.LoaderArgs) {
  const state = requestState(context);
  const { config } = services(context);
  return {
    locale: state.locale,
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

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = useRootData();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  let status = 500;
  let reason: string | undefined;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    reason = (error.data as { reason?: string } | undefined)?.reason;
  }
  const key =
    reason === "csrf"
      ? "csrf"
      : status === 404
        ? "notFound"
        : status === 403
          ? "forbidden"
          : status === 413
            ? "tooLarge"
            : status === 429
              ? "tooManyRequests"
              : status >= 400 && status < 500
                ? "badRequest"
                : "server";
  return (
    <div className="fr-py-4w">
      <title>{`${t(`common.errors.${key}.title`)} – Guichet`}</title>
      <h1>{t(`common.errors.${key}.title`)}</h1>
      <p className="fr-text--lead">{t(`common.errors.${key}.body`)}</p>
      {status === 404 && !data?.user ? (
        <p>
          <a className="fr-btn" href={`/users/sign_in?redirect_to=${encodeURIComponent(here)}`}>
            {t("common.nav.signIn")}
          </a>
        </p>
      ) : null}
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/">
          {t("common.backHome")}
        </a>
      </p>
    </div>
  );
}
