import { redirect } from "react-router";
import type { Route } from "./+types/index";

/** /admin is the dashboard (the layout admits administrateurs only). */
export function loader(_: Route.LoaderArgs) {
  return redirect("/admin/procedures");
}
