/**
 * /dossiers/:id/brouillon: the whole form of a brouillon. "Enregistrer le brouillon" saves
 * leniently; "Déposer le dossier" saves then validates strictly and submits. With JavaScript,
 * changes are also autosaved (intent=autosave, see app/lib/use-autosave.ts). Owner only (404
 * otherwise); a dossier already submitted redirects to its page.
 */
import { useRef } from "react";
import { data, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { applyRowIntent, parseRowIntent } from "../../../server/domain/form/row-intent";
import type { TransitionErrorCode } from "../../../server/domain/dossier/transitions";
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import { referenceDataFor } from "../../../server/integrations/reference-data";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { loadChampValues } from "../../../server/db/champ-values";
import { loadRevisionForm } from "../../../server/db/revisions";
import { findUsagerDossier } from "../../../server/operations/dossiers/find-dossier";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { DossierChampsForm } from "../../components/usager/dossier-champs-form";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { IdentityRecap } from "../../components/usager/identity-recap";
import { formatSavedTime } from "../../lib/autosave";
import { useLocale, useT } from "../../lib/i18n";
import { formString, readForm, requireUserOr404, services } from "../../lib/request.server";
import { AUTOSAVE_INTENT, useAutosave } from "../../lib/use-autosave";
import type { Route } from "./+types/dossier-brouillon";
import { acceptsSubmission, identityOf } from "./dossier-form.server";
import { dossierIdParam, errorsRecord, formFieldReader, noStoreHeaders, valuesRecord } from "./usager.server";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";

export const handle = { i18n: ["champs", "dossiers", "fichiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = requireUserOr404(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, descriptors, values, hidden, ineligibility } = await loadUsagerDossier(db, user.id, id);
  // The identity step comes first (/commencer leads there); a brouillon left before it shows the
  // form with a link to fill it: a redirect here would also hide the errors of a refused submission.
  if (dossier.state !== "brouillon") throw redirect(`/dossiers/${id}`);
  return {
    dossierId: dossier.id,
    forTest: dossier.forTest,
    demarcheLibelle: demarche.libelle,
    acceptsSubmission: acceptsSubmission(demarche, dossier),
    identity: identityOf(dossier),
    descriptors,
    values,
    hidden,
    ineligibility,
    formChanges: await loadUsagerFormChanges(db, dossier),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUserOr404(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  // Scope and state first: someone else's dossier is a 404 and nothing is read from the form.
  // Only the dossier row: saveChamps reads the form and values itself (autosave is the hot path).
  const { dossier } = await findUsagerDossier(db, user.id, id);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  if (dossier.state !== "brouillon") {
    if (intent === AUTOSAVE_INTENT) return { intent: "autosave" as const, ok: false };
    throw redirect(`/dossiers/${id}`);
  }
  const rowIntent = parseRowIntent(intent);
  const rowChange = rowIntent
    ? applyRowIntent(
        rowIntent,
        await loadRevisionForm(db, dossier.revisionId),
        formFieldReader(form),
        await loadChampValues(db, dossier.id),
      )
    : null;
  const field = rowChange?.field ?? formFieldReader(form);
  const refs = referenceDataFor(services(context).config);
  // Files refused by the upload layer (no JavaScript): shown on their fields, the rest is saved.
  const uploadErrors = readUploadErrors(form);
  const uploadRefused = Object.keys(uploadErrors).length > 0;

  if (intent === "submit" && uploadRefused) {
    await saveChamps(db, user.id, id, field, refs);
    return data(
      {
        intent: "submit" as const,
        values: {},
        errors: uploadErrors,
        identityMissing: false,
        ineligible: null,
        transitionError: null as TransitionErrorCode | null,
      },
      { status: 422 },
    );
  }

  if (intent === "submit") {
    // Everything typed is stored (leniently) before validation: the page shows it from the database.
    const typed = {};
    const result = await submitDossier(db, user.id, id, field, refs);
    if (result.ok) throw redirect(`/dossiers/${id}/merci`);
    if (result.reason === "transition") {
      return data(
        {
          intent: "submit" as const,
          values: typed,
          errors: {},
          identityMissing: false,
          ineligible: null,
          transitionError: result.error,
        },
        { status: 409 },
      );
    }
    return data(
      {
        intent: "submit" as const,
        values: typed,
        errors: errorsRecord(result.issues),
        identityMissing: result.identityMissing,
        ineligible: result.ineligible,
        transitionError: null as TransitionErrorCode | null,
      },
      { status: 422 },
    );
  }

  const result = await saveChamps(db, user.id, id, field, refs);
  if (intent === AUTOSAVE_INTENT) return { intent: "autosave" as const, ok: result.ok };
  if (!result.ok) throw redirect(`/dossiers/${id}`);
  // What was typed, as stored (a commune resolved, an address found): shown again as such.
  const typed = valuesRecord(result.values);
  if (rowIntent) {
    return {
      intent: "row" as const,
      values: typed,
      errors: uploadErrors,
      focusRowId: rowChange?.addedRowId ?? null,
      rowAdded: rowIntent.kind === "add",
    };
  }
  return { intent: "save" as const, values: typed, errors: uploadErrors };
}

/** A failed autosave (network, server) is reported by the hook and retried, never shown as the error page. */
export async function clientAction({ request, serverAction }: Route.ClientActionArgs) {
  const intent = (await request.clone().formData()).get("intent");
  if (intent !== AUTOSAVE_INTENT) return serverAction();
  try {
    return await serverAction();
  } catch {
    return { intent: "autosave" as const, ok: false };
  }
}

/** An autosave changes nothing the page shows: no need to reload its data. */
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === AUTOSAVE_INTENT ? false : defaultShouldRevalidate;
}

export default function DossierBrouillon({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave(formRef, { enabled: true });
  const { dossierId } = loaderData;
  const posted = actionData && actionData.intent !== "autosave" ? actionData : null;
  const values = { ...loaderData.values, ...(posted?.values ?? {}) };
  const submitted = posted?.intent === "submit" ? posted : null;
  const rowChanged = posted?.intent === "row" ? posted : null;
  const hasErrors =
    submitted !== null &&
    (Object.keys(submitted.errors).length > 0 || submitted.identityMissing || submitted.ineligible !== null);
  const title = loaderData.demarcheLibelle;

  const autosaveMessage =
    autosave.state === "saving"
      ? t("usager.autosave.saving")
      : autosave.state === "saved"
        ? t("usager.autosave.saved", { time: formatSavedTime(autosave.at, locale) })
        : autosave.state === "failed"
          ? t("usager.autosave.failed")
          : "";

  return (
    <>
      <title>{hasErrors ? t("usager.errorPageTitle", { title }) : t("usager.pageTitle", { title })}</title>
      <h1>{title}</h1>
      <p className="fr-mb-3w">
        {t("usager.dossierNumber", { number: dossierId })} <DossierStateBadge state="brouillon" />{" "}
        {loaderData.forTest ? <TestBadge /> : null}
      </p>
      <p>{t("usager.brouillon.lead")}</p>

      {!loaderData.acceptsSubmission ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <p>{t("dossiers.transitionErrors.procedure_closed")}</p>
        </div>
      ) : null}
      {posted?.intent === "save" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.brouillon.saved")}</p>
        </div>
      ) : null}
      {rowChanged ? (
        <p className="fr-sr-only" role="status">
          {t(rowChanged.rowAdded ? "usager.repetition.rowAdded" : "usager.repetition.rowRemoved")}
        </p>
      ) : null}
      {submitted?.transitionError ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{t(`dossiers.transitionErrors.${submitted.transitionError}`)}</p>
        </div>
      ) : null}

      {loaderData.formChanges ? (
        <FormChangesNotice dossierId={dossierId} changes={loaderData.formChanges} returnPage="brouillon" />
      ) : null}

      <IdentityRecap identity={loaderData.identity} editHref={`/dossiers/${dossierId}/identite`} />

      <h2 className="fr-sr-only">{t("usager.brouillon.formTitle")}</h2>
      <DossierChampsForm
        dossierId={dossierId}
        descriptors={loaderData.descriptors}
        values={values}
        errors={posted?.errors}
        hidden={loaderData.hidden}
        ineligibility={loaderData.ineligibility}
        ineligibleMessage={submitted?.ineligible ?? null}
        focusRowId={rowChanged?.focusRowId ?? null}
        defaultIntent="save"
        extraErrors={
          submitted?.identityMissing ? [{ href: "#modifier-identite", message: t("usager.errorSummary.identityMissing") }] : []
        }
        formRef={formRef}
      >
        <div className="fr-mt-5w">
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" name="intent" value="save" className="fr-btn fr-btn--secondary">
                {t("usager.brouillon.save")}
              </button>
            </li>
            <li>
              <button type="submit" name="intent" value="submit" className="fr-btn">
                {t("usager.brouillon.submit")}
              </button>
            </li>
          </ul>
          <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite" id="statut-enregistrement">
            {autosaveMessage}
          </p>
        </div>
      </DossierChampsForm>
    </>
  );
}
