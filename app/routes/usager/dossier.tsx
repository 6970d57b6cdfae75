/**
 * /dossiers/:id: the dossier as its owner sees it — state, dates, decision, identity, every value
 * and the history of state changes. En construction it can still be changed; changes saved but not
 * submitted (the usager's buffer) are shown with a reminder and the buttons to submit or cancel
 * them. Owner only: anyone
 * else (another usager, an instructeur, an anonymous visitor) gets 404, for GET and POST alike.
 */
import { Form, redirect } from "react-router";
import { acknowledgeDecision } from "../../../server/operations/dossiers/acknowledge-decision";
import { decisionHiddenFromUsager } from "../../../server/domain/special/rules";
import { CsrfInput } from "../../components/csrf-input";
import { isTermine } from "../../../server/domain/dossier/states";
import { TRAITEMENT_EVENTS, type TraitementEvent } from "../../../server/domain/dossier/transitions";
import { displayTexts } from "../../../server/queries/form-view";
import { loadUsagerDossierPage } from "../../../server/queries/usager/dossier";
import { ChampDisplayList } from "../../components/champs/champ-list";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { IdentityRecap } from "../../components/usager/identity-recap";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { DownloadAttestationLink } from "../../components/documents/download-attestation-link";
import { DownloadDossierLink } from "../../components/documents/download-dossier-link";
import { hasDossierAttestation } from "../../../server/queries/dossier-attestation";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier";
import { identityOf } from "./dossier-form.server";
import { dossierIdParam, formatDate, formatDateTime, noStoreHeaders, readOnlyDossierAction } from "./usager.server";
import { readSvaSvr } from "../../../server/domain/special/sva-svr";
import { loadUsagerFormChanges } from "../../../server/queries/usager/form-changes";
import { FormChangesNotice } from "../../components/usager/form-changes-notice";
import { PendingChangesNotice } from "../../components/usager/pending-changes-notice";
import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { CorrectionBanner, UsagerDossierTabs } from "./dossier-tabs";
import { ContactCard } from "../../components/usager/contact-card";
import { ConservationCallout } from "../../components/conservation/conservation-callout";
import { conservationView } from "../../lib/conservation.server";
import { findDecisionJustificatif } from "../../../server/lookups/decision-justificatif";
import { extendConservationByUsager } from "../../../server/operations/retention/extend-conservation";

export const handle = {
  i18n: [
    "attestations",
    "champs",
    "conservation",
    "documents",
    "dossiers",
    "entreprise",
    "fichiers",
    "groupes",
    "messagerie",
    "usager",
  ],
};

export const headers = noStoreHeaders;

function isTraitementEvent(value: string): value is TraitementEvent {
  return (TRAITEMENT_EVENTS as readonly string[]).includes(value);
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { locale } = requestState(context);
  const { db } = services(context);
  const { dossier, demarche, etablissement, descriptors, values, hidden, history, pendingChanges, changesLostAt, contact } =
    await loadUsagerDossierPage(db, user.id, id);
  if (dossier.state === "brouillon") throw redirect(`/dossiers/${id}/brouillon`);
  const at = (date: Date | null) => (date ? formatDateTime(date, locale) : null);
  // Accusé de lecture: until acknowledged, the usager only learns that a decision is available.
  const decisionHidden = decisionHiddenFromUsager({
    accuseLecture: demarche.accuseLecture,
    state: dossier.state,
    agreementAt: dossier.accuseLectureAgreementAt,
  });
  const decided = isTermine(dossier.state) && !decisionHidden;
  const shownHistory = decisionHidden
    ? history.filter((h) => h.processedAt.getTime() < (dossier.processedAt?.getTime() ?? 0))
    : history;
  // The attestation, once generated; hidden with the decision under an accusé de lecture.
  const hasAttestation = !decisionHidden && (await hasDossierAttestation(db, id));
  return {
    dossierId: dossier.id,
    decisionHidden,
    hasAttestation,
    acknowledged: new URL(request.url).searchParams.get("lu") === "1" && decided,
    svaSvr:
      dossier.svaSvrDecisionOn && (dossier.state === "en_construction" || dossier.state === "en_instruction")
        ? {
            decision: readSvaSvr(demarche.svaSvr).decision,
            date: formatDate(dossier.svaSvrDecisionOn, locale),
          }
        : null,
    correction: (await pendingCorrections(db, [dossier.id])).has(dossier.id),
    state: decisionHidden ? ("en_instruction" as const) : dossier.state,
    forTest: dossier.forTest,
    modified: new URL(request.url).searchParams.get("modifie") === "1",
    cancelled: new URL(request.url).searchParams.get("annule") === "1",
    // Changes saved en construction but not submitted: the administration still has the previous version.
    pendingChanges,
    changesLostAt: changesLostAt ? formatDateTime(changesLostAt, locale) : null,
    demarche: { libelle: demarche.libelle },
    contact,
    conservation: conservationView(dossier, locale),
    conservationDone: new URL(request.url).searchParams.get("conserve") === "1",
    dates: {
      createdAt: formatDate(dossier.createdAt, locale),
      deposeAt: at(dossier.deposeAt),
      enInstructionAt: dossier.state === "en_instruction" || isTermine(dossier.state) ? at(dossier.enInstructionAt) : null,
      processedAt: decided ? at(dossier.processedAt) : null,
    },
    motivation: decided ? dossier.motivation : null,
    // The decision's justificatif (the same file as the API's `motivationAttachment`), hidden with the decision.
    justificatif: decided ? await findDecisionJustificatif(db, dossier) : null,
    // Only while the usager can still act on them.
    formChanges: dossier.state === "en_construction" ? await loadUsagerFormChanges(db, dossier) : null,
    identity: { ...identityOf(dossier, etablissement), personneMorale: !demarche.forIndividual },
    descriptors,
    values,
    texts: displayTexts(descriptors, values, locale),
    hidden,
    history: shownHistory.map((h) => ({
      id: h.id,
      event: isTraitementEvent(h.event) ? h.event : null,
      state: h.state,
      at: formatDateTime(h.processedAt, locale),
    })),
  };
}

/**
 * The only form here: « J’accuse lecture de la décision » (accusé de lecture). Anything else: the
 * owner gets 405, anyone else the same 404 as for GET.
 */
export async function action(args: Route.ActionArgs) {
  const form = await readForm(args.request);
  const intent = formString(form, "intent");
  if (intent === "conserver") {
    const user = currentUser(args.context);
    const id = dossierIdParam(args.params.id);
    const result = await extendConservationByUsager(services(args.context).db, user.id, id);
    if (result.ok) throw redirect(`/dossiers/${id}?conserve=1`);
    return { conservationError: result.refusals[0]?.code as "expiry_never" | "expiry_not_close" | "expiry_deleted" };
  }
  if (intent !== "accuser-lecture") return readOnlyDossierAction(args);
  const user = currentUser(args.context);
  const id = dossierIdParam(args.params.id);
  const result = await acknowledgeDecision(services(args.context).db, user.id, id);
  throw redirect(result.ok ? `/dossiers/${id}?lu=1` : `/dossiers/${id}`);
}

export default function Dossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId, state, dates } = loaderData;
  const title = t("usager.dossierNumber", { number: dossierId });
  const editable = state === "en_construction";
  return (
    <>
      <title>{t("usager.pageTitle", { title: `${title} – ${loaderData.demarche.libelle}` })}</title>
      <p className="fr-text--sm fr-mb-1w">{loaderData.demarche.libelle}</p>
      <h1>{title}</h1>
      <p className="fr-mb-3w">
        <DossierStateBadge state={state} /> {loaderData.forTest ? <TestBadge /> : null}
      </p>
      <UsagerDossierTabs dossierId={dossierId} current="dossier" />
      <DownloadDossierLink href={`/dossiers/${dossierId}/pdf`} />
      {loaderData.hasAttestation ? <DownloadAttestationLink href={`/dossiers/${dossierId}/attestation`} /> : null}
      {loaderData.correction ? <CorrectionBanner dossierId={dossierId} /> : null}
      <ConservationCallout
        conservation={loaderData.conservation}
        error={actionData && "conservationError" in actionData ? actionData.conservationError : null}
        done={loaderData.conservationDone}
      />

      {loaderData.modified ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.dossier.modified")}</p>
        </div>
      ) : null}

      {loaderData.cancelled ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.dossier.cancelled")}</p>
        </div>
      ) : null}

      {loaderData.changesLostAt ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w" data-testid="modifications-abandonnees">
          <h2 className="fr-alert__title">{t("usager.dossier.changesLost.title")}</h2>
          <p>{t("usager.dossier.changesLost.body", { date: loaderData.changesLostAt })}</p>
        </div>
      ) : null}

      {loaderData.pendingChanges ? <PendingChangesNotice dossierId={dossierId} /> : null}

      {loaderData.formChanges ? (
        <FormChangesNotice dossierId={dossierId} changes={loaderData.formChanges} returnPage="dossier" />
      ) : null}

      {loaderData.acknowledged ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.dossier.accuseLecture.done")}</p>
        </div>
      ) : null}

      {loaderData.decisionHidden ? (
        <section className="fr-callout fr-callout--blue-ecume fr-mb-4w" aria-labelledby="decision-disponible">
          <h2 id="decision-disponible" className="fr-callout__title">
            {t("usager.dossier.accuseLecture.title")}
          </h2>
          <p className="fr-callout__text">{t("usager.dossier.accuseLecture.body")}</p>
          <Form method="post" className="fr-mt-2w">
            <CsrfInput />
            <input type="hidden" name="intent" value="accuser-lecture" />
            <button type="submit" className="fr-btn">
              {t("usager.dossier.accuseLecture.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {loaderData.svaSvr ? (
        <div className="fr-notice fr-notice--info fr-mb-3w" data-testid="sva-svr-date">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                {t(`usager.dossier.svaSvr.${loaderData.svaSvr.decision === "svr" ? "svr" : "sva"}`, {
                  date: loaderData.svaSvr.date,
                })}
              </p>
            </div>
          </div>
        </div>
      ) : null}

      <div className={editable ? "fr-callout fr-mb-4w" : "fr-callout fr-callout--brown-caramel fr-mb-4w"}>
        <p className="fr-callout__text">{t(`usager.dossier.explanations.${state}`)}</p>
        {editable ? (
          <a className="fr-btn fr-icon-edit-line fr-btn--icon-left fr-mt-2w" href={`/dossiers/${dossierId}/modifier`}>
            {t("usager.dossier.edit")}
          </a>
        ) : null}
      </div>

      {loaderData.motivation || loaderData.justificatif ? (
        <section className="fr-mb-4w" aria-labelledby="motivation-decision">
          <h2 id="motivation-decision">{t("usager.dossier.decisionTitle")}</h2>
          {loaderData.motivation ? <p style={{ whiteSpace: "pre-line" }}>{loaderData.motivation}</p> : null}
          {loaderData.justificatif ? (
            <p>
              <a className="fr-link fr-link--download" href={`/pieces-jointes/${loaderData.justificatif.id}`} download>
                {t("usager.dossier.decisionJustificatif", { filename: loaderData.justificatif.filename })}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="fr-mb-4w" aria-labelledby="dates-dossier">
        <h2 id="dates-dossier" className="fr-h4">
          {t("usager.dossier.dates")}
        </h2>
        <ul>
          <li>
            {t("usager.dossier.createdAt")} {dates.createdAt}
          </li>
          {dates.deposeAt ? (
            <li>
              {t("usager.dossier.deposeAt")} {dates.deposeAt}
            </li>
          ) : null}
          {dates.enInstructionAt ? (
            <li>
              {t("usager.dossier.enInstructionAt")} {dates.enInstructionAt}
            </li>
          ) : null}
          {dates.processedAt ? (
            <li>
              {t("usager.dossier.processedAt")} {dates.processedAt}
            </li>
          ) : null}
        </ul>
      </section>

      <IdentityRecap identity={loaderData.identity} editHref={editable ? `/dossiers/${dossierId}/identite` : null} />

      <section className="fr-mb-4w" aria-labelledby="formulaire-dossier">
        <h2 id="formulaire-dossier">{t("usager.dossier.formTitle")}</h2>
        {loaderData.pendingChanges ? <p className="fr-hint-text">{t("usager.pendingChanges.shownHint")}</p> : null}
        <ChampDisplayList
          descriptors={loaderData.descriptors}
          values={loaderData.values}
          texts={loaderData.texts}
          hidden={loaderData.hidden}
          headingLevel={3}
        />
      </section>

      <section className="fr-mb-4w" aria-labelledby="historique-dossier">
        <h2 id="historique-dossier">{t("usager.dossier.historyTitle")}</h2>
        {loaderData.history.length === 0 ? (
          <p>{t("usager.dossier.historyEmpty")}</p>
        ) : (
          <ol>
            {loaderData.history.map((entry) => (
              <li key={entry.id}>
                <span className="fr-text--bold">{entry.at}</span> –{" "}
                {entry.event
                  ? t(`usager.dossier.events.${entry.event}`)
                  : t("usager.dossier.eventFallback", { state: t(`dossiers.states.${entry.state}`) })}
              </li>
            ))}
          </ol>
        )}
      </section>

      {loaderData.contact ? <ContactCard contact={loaderData.contact} /> : null}

      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/dossiers">
          {t("common.nav.mesDossiers")}
        </a>
      </p>
    </>
  );
}
