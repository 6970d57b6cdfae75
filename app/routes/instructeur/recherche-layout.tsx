import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/recherche-layout";

/**
 * The header's search (`/recherche`), for instructeurs and experts: an anonymous visitor signs in
 * first; the page itself answers 404 to a user with neither profile.
 */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "sign-in")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function RechercheLayout() {
  return <Outlet />;
}
