import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/layout";

/** « Mes dossiers »: an anonymous visitor signs in first. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "sign-in")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function UsagerLayout() {
  return <Outlet />;
}
