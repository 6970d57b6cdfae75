/**
 * /dossiers/:id/etablissement: what API Entreprise found for the SIRET the usager gave, to confirm
 * before the form (or, in degraded mode, that the SIRET is kept and the data will follow). Owner only.
 */
import { redirect } from "react-router";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { formatSiret } from "../../../common/siret";
import { EtablissementCard } from "../../components/etablissement-card";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-etablissement";
import { dossierIdParam, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["entreprise", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, etablissement } = await loadUsagerDossier(db, user.id, id);
  if (demarche.forIndividual || !etablissement) throw redirect(`/dossiers/${id}/identite`);
  return { dossierId: dossier.id, state: dossier.state, demarcheLibelle: demarche.libelle, etablissement };
}

export default function DossierEtablissement({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId, etablissement } = loaderData;
  const title = t("entreprise.confirm.title");
  const next = loaderData.state === "brouillon" ? `/dossiers/${dossierId}/brouillon` : `/dossiers/${dossierId}`;
  const editable = loaderData.state === "brouillon" || loaderData.state === "en_construction";
  return (
    <>
      <title>{t("usager.pageTitle", { title })}</title>
      <p className="fr-text--sm fr-mb-1w">
        {loaderData.demarcheLibelle} – {t("usager.dossierNumber", { number: dossierId })}
      </p>
      <h1>{title}</h1>
      {etablissement.degraded ? (
        <div className="fr-alert fr-alert--info fr-mb-3w" id="etablissement-degrade">
          <h2 className="fr-alert__title">{t("entreprise.confirm.degradedTitle")}</h2>
          <p>{t("entreprise.confirm.degradedBody", { siret: formatSiret(etablissement.siret) })}</p>
        </div>
      ) : (
        <p>{t("entreprise.confirm.lead")}</p>
      )}
      <EtablissementCard etablissement={etablissement} />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href={next}>
            {t("entreprise.confirm.continue")}
          </a>
        </li>
        {editable ? (
          <li>
            <a className="fr-btn fr-btn--secondary" href={`/dossiers/${dossierId}/identite`}>
              {t("entreprise.confirm.change")}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
