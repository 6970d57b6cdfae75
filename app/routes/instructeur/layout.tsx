import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/layout";

/** The instructeur's démarches and their lists: an anonymous visitor signs in first; a user who is not an instructeur gets 404. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("instructeur", "sign-in")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function InstructeurLayout() {
  return <Outlet />;
}
