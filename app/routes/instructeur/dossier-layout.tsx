import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/dossier-layout";

/** One dossier seen by an instructeur: an anonymous visitor gets the same 404 as anyone without access (nothing leaks). */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("instructeur", "not-found")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function InstructeurDossierLayout() {
  return <Outlet />;
}
