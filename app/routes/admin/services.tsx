import { listOwnServices } from "../../../server/queries/admin/services";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/services";
import { Breadcrumb, Notice, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "presentation"] };

export async function loader({ context, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  return {
    services: await listOwnServices(services(context).db, admin.administrateurId),
    saved: new URL(request.url).searchParams.get("notice") === "saved",
  };
}

/** « Mes services »: the administrateur's organisation cards. */
export default function Services({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const title = t("presentation.service.listTitle");
  return (
    <>
      <PageTitle title={title} />
      <Breadcrumb current={title} />
      {loaderData.saved ? <Notice kind="success" title={t("presentation.service.saved")} /> : null}
      <h1>{title}</h1>
      <p>{t("presentation.service.listLead")}</p>
      {loaderData.services.length === 0 ? (
        <p>{t("presentation.service.none")}</p>
      ) : (
        <ul>
          {loaderData.services.map((service) => (
            <li key={service.id}>
              <strong>{service.nom}</strong> – {service.organisme}{" "}
              <a className="fr-link" href={`/admin/services/${service.id}`}>
                {t("presentation.service.edit")}
                <span className="fr-sr-only"> {service.nom}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="fr-btn" href="/admin/services/nouveau">
          {t("presentation.service.newLink")}
        </a>
      </p>
    </>
  );
}
