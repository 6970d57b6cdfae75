import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/layout";

/** The expert's avis: an anonymous visitor signs in first; a user without the expert profile gets 404. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("expert", "sign-in")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function ExpertLayout() {
  return <Outlet />;
}
