import { Outlet } from "react-router";
import { ErrorPage } from "../components/error-page";
import { FlashNoticeAlert } from "../components/flash-notice";
import { takeFlash } from "../lib/flash.server";
import type { Route } from "./+types/layout";

export function loader({ context, request }: Route.LoaderArgs) {
  return { flash: takeFlash(context, request) };
}

/**
 * Pathless layout around every page. Its error boundary renders page errors (404, 403…) inside the
 * root, so the root loader's data (user, CSRF token of the header forms, language) stays available.
 */
export default function PageLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      {loaderData.flash ? <FlashNoticeAlert notice={loaderData.flash} /> : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
