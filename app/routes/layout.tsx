import { Outlet } from "react-router";
import { ErrorPage } from "../components/error-page";

/**
 * Pathless layout around every page. Its error boundary renders page errors (404, 403…) inside the
 * root, so the root loader's data (user, CSRF token of the header forms, language) stays available.
 */
export default function PageLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
