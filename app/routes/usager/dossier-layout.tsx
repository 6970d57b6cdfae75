import { Outlet } from "react-router";
import { logoForUsagerDossier } from "../../../server/lookups/demarche-files";
import { serviceForUsagerDossier } from "../../../server/lookups/own-service";
import { ServiceCard } from "../../components/usager/service-card";
import { useT } from "../../lib/i18n";
import { admitted, currentUser, personaGuard } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-layout";

/** One dossier of the usager: an anonymous visitor gets the same 404 as anyone without access (nothing leaks); the 404 page offers to sign in. */
export const middleware: Route.MiddlewareFunction[] = [personaGuard("user", "not-found")];

export const handle = { i18n: ["presentation"] };

/**
 * The démarche's logo above and its service card under every page of the dossier, as the reference's
 * dossier header (the pages themselves scope the dossier; both lookups scope it again).
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  admitted(context);
  const id = /^\d{1,10}$/.test(params.id ?? "") ? Number(params.id) : 0;
  const { db } = services(context);
  const userId = currentUser(context).id;
  const [service, logo] = await Promise.all([serviceForUsagerDossier(db, userId, id), logoForUsagerDossier(db, userId, id)]);
  return { service, logo };
}

export default function UsagerDossierLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const logo = loaderData?.logo;
  return (
    <>
      {logo ? (
        <img
          src={logo.url}
          alt={t("presentation.dossier.logoAlt", { libelle: logo.demarcheLibelle })}
          className="fr-mb-2w"
          style={{ display: "block", maxWidth: "120px", maxHeight: "120px" }}
          data-testid="demarche-logo"
        />
      ) : null}
      <Outlet />
      {loaderData?.service ? (
        <div className="fr-mt-6w">
          <ServiceCard service={loaderData.service} />
        </div>
      ) : null}
    </>
  );
}
