import { isRouteErrorResponse, useLocation, useRouteError } from "react-router";
import { useRootData, useT } from "../lib/i18n";

/**
 * The error page: a clear explanation for each status (404 also for objects the user may not see,
 * CSRF refusals, limits), never a stack trace. Anonymous visitors on a 404 are offered to sign in
 * and come back.
 */
export function ErrorPage() {
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
