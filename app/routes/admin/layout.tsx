import { Outlet } from "react-router";
import { admitted, personaGuard } from "../../lib/persona-guard.server";
import type { Route } from "./+types/layout";

/** Every administrateur page: an anonymous visitor signs in first; a user who is not an administrateur gets 404. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("administrateur", "sign-in")];

export function loader({ context }: Route.LoaderArgs) {
  return admitted(context);
}

export default function AdminLayout() {
  return <Outlet />;
}
