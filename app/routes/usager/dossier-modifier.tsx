/**
 * /dossiers/:id/modifier: changing a dossier en construction. The administration already has it,
 * so a change is stored only if the whole form stays valid (saveChamps is strict here): otherwise
 * the errors are shown with everything typed, and the submitted version stays as it was. No
 * autosave. Owner only (404 otherwise); other states redirect to the dossier page.
 */
import { data, redirect } from "react-router";
import { referenceDataFor } from "../../../server/integrations/reference-data";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { DossierChampsForm } from "../../components/usager/dossier-champs-form";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { IdentityRecap } from "../../components/usager/identity-recap";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-modifier";
import { identityOf, postedDossierForm } from "./dossier-form.server";
import { dossierIdParam, noStoreHeaders } from "./usager.server";
import { saveDossierForm } from "../../../server/operations/dossiers/save-dossier-form";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";

export const handle = { i18n: ["champs", "dossiers", "fichiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, descriptors, values, hidden } = await loadUsagerDossier(db, user.id, id);
  if (dossier.state === "brouillon") throw redirect(`/dossiers/${id}/brouillon`);
  if (dossier.state !== "en_construction") throw redirect(`/dossiers/${id}`);
  return {
    dossierId: dossier.id,
    forTest: dossier.forTest,
    demarcheLibelle: demarche.libelle,
    identity: identityOf(dossier),
    descriptors,
    values,
    hidden,
    formChanges: await loadUsagerFormChanges(db, dossier),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db, config } = services(context);
  const result = await saveDossierForm(
    db,
    { userId: user.id, dossierId: id, state: "en_construction", refs: referenceDataFor(config) },
    async () => postedDossierForm(await readForm(request)),
  );
  switch (result.outcome) {
    case "saved":
      throw redirect(`/dossiers/${id}?modifie=1`);
    case "row": {
      const { values, hidden, errors, focusRowId } = result;
      return { values, hidden, errors, focusRowId };
    }
    case "invalid": {
      const { values, hidden, errors } = result;
      return data({ values, hidden, errors, focusRowId: null }, { status: 422 });
    }
    default:
      // Not en construction (any more); « Déposer » is not a button of this page.
      throw redirect(`/dossiers/${id}`);
  }
}

export default function DossierModifier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId } = loaderData;
  const values = { ...loaderData.values, ...(actionData?.values ?? {}) };
  const hasErrors = actionData !== undefined && Object.keys(actionData.errors).length > 0;
  const title = `${t("usager.modifier.title")} – ${loaderData.demarcheLibelle}`;
  return (
    <>
      <title>{hasErrors ? t("usager.errorPageTitle", { title }) : t("usager.pageTitle", { title })}</title>
      <p className="fr-text--sm fr-mb-1w">{loaderData.demarcheLibelle}</p>
      <h1>{t("usager.modifier.title")}</h1>
      <p className="fr-mb-3w">
        {t("usager.dossierNumber", { number: dossierId })} <DossierStateBadge state="en_construction" />{" "}
        {loaderData.forTest ? <TestBadge /> : null}
      </p>
      <p>{t("usager.modifier.lead")}</p>
      {loaderData.formChanges ? (
        <FormChangesNotice dossierId={dossierId} changes={loaderData.formChanges} returnPage="modifier" />
      ) : null}
      <IdentityRecap identity={loaderData.identity} editHref={`/dossiers/${dossierId}/identite`} />
      <h2 className="fr-sr-only">{t("usager.brouillon.formTitle")}</h2>
      <DossierChampsForm
        dossierId={dossierId}
        descriptors={loaderData.descriptors}
        values={values}
        errors={actionData?.errors}
        hidden={actionData?.hidden ?? loaderData.hidden}
        focusRowId={actionData?.focusRowId ?? null}
      >
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-5w">
          <li>
            <button type="submit" className="fr-btn">
              {t("usager.modifier.save")}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href={`/dossiers/${dossierId}`}>
              {t("usager.modifier.cancel")}
            </a>
          </li>
        </ul>
      </DossierChampsForm>
    </>
  );
}
