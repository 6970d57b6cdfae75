/**
 * /dossiers/:id/modifier: changing a dossier en construction. The administration already has it,
 * so a change is stored only if the whole form stays valid (saveChamps is strict here): otherwise
 * the errors are shown with everything typed, and the submitted version stays as it was. No
 * autosave. Owner only (404 otherwise); other states redirect to the dossier page.
 */
import { data, redirect } from "react-router";
import { applyRowIntent, parseRowIntent } from "../../../server/domain/form/row-intent";
import { hiddenKeys } from "../../../server/domain/form/visibility";
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import { referenceDataFor } from "../../../server/integrations/reference-data";
import { mergeValues, saveChamps, typedValues } from "../../../server/operations/dossiers/save-champs";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { DossierChampsForm } from "../../components/usager/dossier-champs-form";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { IdentityRecap } from "../../components/usager/identity-recap";
import { useT } from "../../lib/i18n";
import { formString, readForm, requireUserOr404, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-modifier";
import { identityOf } from "./dossier-form.server";
import { dossierIdParam, errorsRecord, formFieldReader, noStoreHeaders, valuesRecord } from "./usager.server";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";

export const handle = { i18n: ["champs", "dossiers", "fichiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = requireUserOr404(context);
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
  const user = requireUserOr404(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, descriptors, values } = await loadUsagerDossier(db, user.id, id);
  if (dossier.state !== "en_construction") throw redirect(`/dossiers/${id}`);
  const form = await readForm(request);
  const stored = new Map(Object.entries(values));
  const rowIntent = parseRowIntent(formString(form, "intent"));
  const rowChange = rowIntent ? applyRowIntent(rowIntent, descriptors, formFieldReader(form), stored) : null;
  const field = rowChange?.field ?? formFieldReader(form);
  const refs = referenceDataFor(services(context).config);
  // Files refused by the upload layer (no JavaScript): shown on their fields with the other errors.
  const uploadErrors = readUploadErrors(form);
  // The administration has this dossier: a row added or removed is only kept with the whole form's
  // next valid save, so the page shows it from what was posted.
  if (rowIntent) {
    const typed = await typedValues(descriptors, field, stored, refs);
    const hidden = [...hiddenKeys(descriptors, mergeValues(stored, typed))];
    return { values: valuesRecord(typed), hidden, errors: uploadErrors, focusRowId: rowChange?.addedRowId ?? null };
  }
  const result = await saveChamps(db, user.id, id, field, refs);
  if (result.ok && Object.keys(uploadErrors).length === 0) throw redirect(`/dossiers/${id}?modifie=1`);
  if (!result.ok && result.reason === "read_only") throw redirect(`/dossiers/${id}`);
  const shown = { values: valuesRecord(result.values), hidden: [...hiddenKeys(descriptors, mergeValues(stored, result.values))] };
  const errors = { ...(result.ok ? {} : errorsRecord(result.issues)), ...uploadErrors };
  return data({ ...shown, errors, focusRowId: null }, { status: 422 });
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
