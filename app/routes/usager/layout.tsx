import { Outlet } from "react-router";
import { countExpiringBrouillons, listUsagerDemarches } from "../../../server/queries/usager/list-dossiers";
import { admitted, currentUser, personaGuard } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/layout";
import { mesDossiersFilter } from "./mes-dossiers.server";

/** « Mes dossiers »: an anonymous visitor signs in first. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "sign-in")];

/**
 * What every tab of « Mes dossiers » shows above its list: the search (kept across tabs), the
 * démarches of the filter's select and the count of brouillons expiring soon.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  admitted(context);
  const user = currentUser(context);
  const { db } = services(context);
  const { filter, truncated } = mesDossiersFilter(new URL(request.url));
  const [demarches, expiringCount] = await Promise.all([listUsagerDemarches(db, user.id), countExpiringBrouillons(db, user.id)]);
  return { filter, truncated, demarches, expiringCount };
}

export default function UsagerLayout() {
  return <Outlet />;
}
