/**
 * /dossiers/:id/modifier: changing a dossier en construction. The administration already has it,
 * so every change (autosave with JavaScript, « Enregistrer sans déposer », rows, files) goes to the
 * usager's buffer, which the administration does not see; « Déposer les modifications » validates
 * the whole form as a first submission does and, if it holds, replaces the administration's
 * version. A refused submission keeps everything typed and shows the errors by field. Posting
 * intent=submit alone (the dossier page's button) submits what the buffer holds. Owner only (404
 * otherwise); other states redirect to the dossier page.
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
import { readForm, services } from "../../lib/request.server";
import { autosaveClientAction, autosaveMessage, skipRevalidationAfterAutosave, useAutosave } from "../../lib/use-autosave";
import type { Route } from "./+types/dossier-modifier";
import { identityOf, postedDossierForm, sharedFormAnswer } from "./dossier-form.server";
import { dossierIdParam, noStoreHeaders } from "./usager.server";
import { saveDossierForm } from "../../../server/operations/dossiers/save-dossier-form";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";

export const handle = { i18n: ["champs", "dossiers", "entreprise", "fichiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, owner, etablissement, descriptors, values, hidden, ineligibility, pendingChanges } =
    await loadUsagerDossier(db, user.id, id);
  if (dossier.state === "brouillon") throw redirect(`/dossiers/${id}/brouillon`);
  if (dossier.state !== "en_construction") throw redirect(`/dossiers/${id}`);
  return {
    dossierId: dossier.id,
    // A co-editor fills the form in; submitting is the owner's.
    owner,
    forTest: dossier.forTest,
    demarcheLibelle: demarche.libelle,
    identity: { ...identityOf(dossier, etablissement), personneMorale: !demarche.forIndividual },
    descriptors,
    values,
    hidden,
    ineligibility,
    pendingChanges,
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
  const submitAnswer = { values: {}, errors: {}, ineligible: null, transitionError: null, unchanged: false };
  switch (result.outcome) {
    case "submitted":
      throw redirect(`/dossiers/${id}?modifie=1`);
    case "unchanged":
      return { intent: "submit" as const, ...submitAnswer, unchanged: true, transitionError: null as TransitionErrorCode | null };
    case "transition_refused":
      // No longer en construction (passed en instruction meanwhile): the dossier page says why.
      throw redirect(`/dossiers/${id}`);
    case "invalid": {
      const { errors, ineligible } = result;
      return data(
        { intent: "submit" as const, ...submitAnswer, errors, ineligible, transitionError: null as TransitionErrorCode | null },
        { status: 422 },
      );
    }
    default:
      return sharedFormAnswer(result, id);
  }
}

export const clientAction = (args: Route.ClientActionArgs) => autosaveClientAction(args);

export const shouldRevalidate = skipRevalidationAfterAutosave;

export default function DossierModifier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave(formRef, { enabled: true });
  const { dossierId } = loaderData;
  const posted = actionData && actionData.intent !== "autosave" ? actionData : null;
  const values = { ...loaderData.values, ...(posted?.values ?? {}) };
  const submitted = posted?.intent === "submit" ? posted : null;
  const rowChanged = posted?.intent === "row" ? posted : null;
  const hasErrors = submitted !== null && (Object.keys(submitted.errors).length > 0 || submitted.ineligible !== null);
  const title = `${t("usager.modifier.title")} – ${loaderData.demarcheLibelle}`;
  // Saved in the buffer, by a button or by the autosave: not yet sent to the administration.
  const pending = loaderData.pendingChanges || posted?.intent === "save" || autosave.state === "saved";

  const autosaveStatus = autosaveMessage(autosave, locale, {
    saving: t("usager.modifier.autosave.saving"),
    saved: (time) => t("usager.modifier.autosave.saved", { time }),
    failed: t("usager.modifier.autosave.failed"),
  });

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

      {posted?.intent === "save" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.modifier.saved")}</p>
        </div>
      ) : null}
      {submitted?.unchanged ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.modifier.unchanged")}</p>
        </div>
      ) : null}
      {rowChanged ? (
        <p className="fr-sr-only" role="status">
          {t(rowChanged.rowAdded ? "usager.repetition.rowAdded" : "usager.repetition.rowRemoved")}
        </p>
      ) : null}
      {pending && !hasErrors ? (
        <div className="fr-notice fr-notice--info fr-mb-3w" data-testid="modifications-non-deposees">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">{t("usager.pendingChanges.title")}</p>
              <p className="fr-notice__desc">{t("usager.pendingChanges.body")}</p>
            </div>
          </div>
        </div>
      ) : null}

      {loaderData.formChanges ? (
        <FormChangesNotice dossierId={dossierId} changes={loaderData.formChanges} returnPage="modifier" />
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
        formRef={formRef}
      >
        <div className="fr-mt-5w">
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" name="intent" value="save" className="fr-btn fr-btn--secondary">
                {t("usager.modifier.save")}
              </button>
            </li>
            {loaderData.owner ? (
              <li>
                <button type="submit" name="intent" value="submit" className="fr-btn">
                  {t("usager.modifier.submit")}
                </button>
              </li>
            ) : null}
          </ul>
          <p className="fr-text--sm" role="status" aria-live="polite" id="statut-enregistrement">
            {autosaveStatus}
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {loaderData.pendingChanges ? (
              <li>
                <a className="fr-btn fr-btn--tertiary" href={`/dossiers/${dossierId}/modifications/annuler`}>
                  {t("usager.pendingChanges.discard")}
                </a>
              </li>
            ) : null}
            <li>
              <a className="fr-btn fr-btn--tertiary-no-outline" href={`/dossiers/${dossierId}`}>
                {t("usager.modifier.cancel")}
              </a>
            </li>
          </ul>
        </div>
      </DossierChampsForm>
    </>
  );
}
