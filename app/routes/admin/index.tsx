import { redirect } from "react-router";
import { requireAdministrateur } from "../../lib/request.server";
import type { Route } from "./+types/index";

/** /admin is the dashboard. */
export function loader({ context, request }: Route.LoaderArgs) {
  requireAdministrateur(context, request);
  return redirect("/admin/procedures");
}
