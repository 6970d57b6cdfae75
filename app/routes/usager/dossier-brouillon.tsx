/**
 * /dossiers/:id/brouillon: the whole form of a brouillon. "Enregistrer le brouillon" saves
 * leniently; "Déposer le dossier" saves then validates strictly and submits. With JavaScript,
 * changes are also autosaved (intent=autosave, see app/lib/use-autosave.ts). Owner only (404
 * otherwise); a dossier already submitted redirects to its page.
 */
import { useRef } from "react";
import { data, redirect } from "react-router";
import type { TransitionErrorCode } from "../../../server/domain/dossier/transitions";
import { referenceDataFor } from "../../../server/integrations/reference-data";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { DossierChampsForm } from "../../components/usager/dossier-champs-form";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { IdentityRecap } from "../../components/usager/identity-recap";
import { useLocale, useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { readForm, requestState, services } from "../../lib/request.server";
import { autosaveClientAction, autosaveMessage, skipRevalidationAfterAutosave, useAutosave } from "../../lib/use-autosave";
import type { Route } from "./+types/dossier-brouillon";
import { acceptsSubmission, identityOf, postedDossierForm, sharedFormAnswer } from "./dossier-form.server";
import { dossierIdParam, noStoreHeaders } from "./usager.server";
import { saveDossierForm } from "../../../server/operations/dossiers/save-dossier-form";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";
import { ConservationCallout } from "../../components/conservation/conservation-callout";
import { conservationView } from "../../lib/conservation.server";
import { extendConservationByUsager } from "../../../server/operations/retention/extend-conservation";

export const handle = { i18n: ["champs", "conservation", "dossiers", "entreprise", "fichiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, owner, etablissement, descriptors, values, hidden, ineligibility } = await loadUsagerDossier(
    db,
    user.id,
    id,
  );
  // The identity step comes first (/commencer leads there); a brouillon left before it shows the
  // form with a link to fill it: a redirect here would also hide the errors of a refused submission.
  if (dossier.state !== "brouillon") throw redirect(`/dossiers/${id}`);
  return {
    dossierId: dossier.id,
    // A co-editor fills the form in; submitting is the owner's.
    owner,
    forTest: dossier.forTest,
    demarcheLibelle: demarche.libelle,
    acceptsSubmission: acceptsSubmission(demarche, dossier),
    identity: { ...identityOf(dossier, etablissement), personneMorale: !demarche.forIndividual },
    descriptors,
    values,
    hidden,
    ineligibility,
    formChanges: await loadUsagerFormChanges(db, dossier),
    // « Conserver plus longtemps » near the brouillon's expiry (or once expired): the owner's.
    conservation: owner ? conservationView(dossier, requestState(context).locale) : null,
    conservationDone: new URL(request.url).searchParams.get("conserve") === "1",
    // Just duplicated from this dossier number (« Dupliquer » redirects here).
    duplicatedFrom: /^\d{1,10}$/.test(new URL(request.url).searchParams.get("duplique") ?? "")
      ? Number(new URL(request.url).searchParams.get("duplique"))
      : null,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db, config } = services(context);
  const submitAnswer = { values: {}, errors: {}, identityMissing: false, ineligible: null, transitionError: null };
  if ((await request.clone().formData()).get("intent") === "conserver") {
    const extended = await extendConservationByUsager(db, user.id, id);
    if (extended.ok) throw redirect(`/dossiers/${id}/brouillon?conserve=1`);
    return data(
      {
        intent: "conserver" as const,
        ...submitAnswer,
        transitionError: null as TransitionErrorCode | null,
        conservationError: extended.refusals[0]?.code as "expiry_never" | "expiry_not_close" | "expiry_deleted",
      },
      { status: 422 },
    );
  }
  const result = await saveDossierForm(
    db,
    { userId: user.id, dossierId: id, state: "brouillon", refs: referenceDataFor(config) },
    async () => postedDossierForm(await readForm(request)),
  );
  switch (result.outcome) {
    case "submitted":
      throw redirect(`/dossiers/${id}/merci`);
    case "transition_refused":
      return data(
        { intent: "submit" as const, ...submitAnswer, transitionError: result.error as TransitionErrorCode | null },
        { status: 409 },
      );
    case "invalid": {
      const { errors, identityMissing, ineligible } = result;
      return data(
        {
          intent: "submit" as const,
          ...submitAnswer,
          errors,
          identityMissing,
          ineligible,
          transitionError: null as TransitionErrorCode | null,
        },
        { status: 422 },
      );
    }
    default:
      return sharedFormAnswer(result, id);
  }
}

export const clientAction = (args: Route.ClientActionArgs) => autosaveClientAction(args);

export const shouldRevalidate = skipRevalidationAfterAutosave;

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

  const autosaveStatus = autosaveMessage(autosave, locale, {
    saving: t("usager.autosave.saving"),
    saved: (time) => t("usager.autosave.saved", { time }),
    failed: t("usager.autosave.failed"),
  });

  return (
    <>
      <title>{hasErrors ? t("usager.errorPageTitle", { title }) : t("usager.pageTitle", { title })}</title>
      <h1>{title}</h1>
      <p className="fr-mb-3w">
        {t("usager.dossierNumber", { number: dossierId })} <DossierStateBadge state="brouillon" />{" "}
        {loaderData.forTest ? <TestBadge /> : null}
      </p>
      {loaderData.duplicatedFrom ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.duplication.done", { parent: loaderData.duplicatedFrom, number: dossierId })}</p>
        </div>
      ) : null}
      <p>{t("usager.brouillon.lead")}</p>
      <ConservationCallout
        conservation={loaderData.conservation}
        error={posted && "conservationError" in posted ? posted.conservationError : null}
        done={loaderData.conservationDone}
      />

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

      <IdentityRecap identity={loaderData.identity} editHref={loaderData.owner ? `/dossiers/${dossierId}/identite` : null} />
      <p>
        <a className="fr-link fr-icon-team-line fr-link--icon-left" href={`/dossiers/${dossierId}/partage`}>
          {t("usager.partage.title")}
        </a>
      </p>

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
            {loaderData.owner ? (
              <li>
                <button type="submit" name="intent" value="submit" className="fr-btn">
                  {t("usager.brouillon.submit")}
                </button>
              </li>
            ) : null}
          </ul>
          <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite" id="statut-enregistrement">
            {autosaveStatus}
          </p>
        </div>
      </DossierChampsForm>
    </>
  );
}
