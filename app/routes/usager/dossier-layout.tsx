import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/dossier-layout";

/** One dossier of the usager: an anonymous visitor gets the same 404 as anyone without access (nothing leaks); the 404 page offers to sign in. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "not-found")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function UsagerDossierLayout() {
  return <Outlet />;
}
