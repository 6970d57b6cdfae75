import { Outlet } from "react-router";
import { serviceForUsagerDossier } from "../../../server/lookups/own-service";
import { ServiceCard } from "../../components/usager/service-card";
import { admitted, currentUser, personaGuard } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-layout";

/** One dossier of the usager: an anonymous visitor gets the same 404 as anyone without access (nothing leaks); the 404 page offers to sign in. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "not-found")];

export const handle = { i18n: ["presentation"] };

/** The démarche's service card, under every page of the dossier (the pages themselves scope the dossier). */
export async function loader({ context, params }: Route.LoaderArgs) {
  admitted(context);
  const id = /^\d{1,10}$/.test(params.id ?? "") ? Number(params.id) : 0;
  const service = await serviceForUsagerDossier(services(context).db, currentUser(context).id, id);
  return { service };
}

export default function UsagerDossierLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <Outlet />
      {loaderData?.service ? (
        <div className="fr-mt-6w">
          <ServiceCard service={loaderData.service} />
        </div>
      ) : null}
    </>
  );
}
