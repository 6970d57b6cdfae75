import { data } from "react-router";
import type { TraitementEvent } from "../../../server/domain/dossier/transitions";
import { MOTIVATION_MAX_LENGTH } from "../../../server/domain/dossier/transitions";
import type { InstructeurActor } from "../../../server/operations/dossiers/instructeur-transition";
import { countDossierAvis } from "../../../server/queries/instructeur/avis";
import { findInstructeurDossierOfDemarche, loadInstructeurDossier } from "../../../server/queries/instructeur/dossier";
import { withDisplayTexts } from "../../../server/queries/form-view";
import { ChampDisplayList } from "../../components/champs/champ-list";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/dossier";
import { formatDate, formatDateTime } from "../../lib/dates";
import { isTermine } from "../../../server/domain/dossier/states";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge } from "./ui";
import { AnnotationsSection } from "./annotations-section";
import { ArchiveActions } from "./archive-actions";
import { DossierFollowers } from "./dossier-followers";
import { DossierGroupe } from "./dossier-groupe";
import { DossierHistory } from "./dossier-history";
import { DossierInstruction } from "./dossier-instruction";
import { DOSSIER_INTENTS } from "./dossier-intents.server";
import { ConservationCallout } from "../../components/conservation/conservation-callout";
import { conservationView } from "../../lib/conservation.server";
import { NOTICES, type Notice, actionErrorAnchor, actionErrorMessage } from "./dossier-page";
import { DossierSummary } from "./dossier-summary";
import { loadDossierEtablissement } from "../../../server/lookups/etablissement";
import { DossierTabs } from "./dossier-tabs";

import { loadDossierWorkspace } from "../../../server/queries/instructeur/dossier-workspace";
import { markDossierSeen } from "../../../server/operations/notifications/mark-dossier-seen";
import { COLLEAGUE_MESSAGE_MAX_LENGTH } from "../../../server/operations/dossiers/send-to-colleagues";
import type { TranslationKey } from "../../../common/i18n";
import { NotificationBadges } from "../../components/notifications/notification-badges";
import { DownloadAttestationLink } from "../../components/documents/download-attestation-link";
import { DownloadDossierLink } from "../../components/documents/download-dossier-link";
import { hasDossierAttestation } from "../../../server/queries/dossier-attestation";
import { DossierColleague } from "./dossier-colleague";
import { DossierLabels } from "./dossier-labels";

import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { unreadMessageDossiers } from "../../../server/queries/instructeur/unread-messages";

export const handle = {
  i18n: [
    "attestations",
    "avis",
    "champs",
    "conservation",
    "documents",
    "dossiers",
    "entreprise",
    "fichiers",
    "groupes",
    "instructeur",
    "liste",
    "messagerie",
    "notifications",
    "usager",
  ],
};

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  // « Confier à un autre groupe »: the search among the démarche's groupes (thousands on national démarches).
  const groupeSearch = (new URL(request.url).searchParams.get("groupe_q") ?? "").trim().slice(0, 100);
  const loaded = await loadInstructeurDossier(db, {
    instructeurId: instructeur.instructeurId,
    demarcheId,
    dossierId,
    groupeSearch,
  });
  const avisCount = await countDossierAvis(db, dossierId);
  const notice = new URL(request.url).searchParams.get("notice");
  const when = (value: Date | string | null) => formatDateTime(value, locale, t);
  const { dossier } = loaded;
  // What is new is read first, then this visit marks the dossier's page (demande, annotations) seen.
  const workspace = await loadDossierWorkspace(db, instructeur.instructeurId, dossierId);
  await markDossierSeen(db, instructeur.instructeurId, dossierId, ["demande", "annotations"]);
  const pendingCorrection = (await pendingCorrections(db, [dossierId])).get(dossierId) ?? null;
  const unread = (await unreadMessageDossiers(db, instructeur.instructeurId, [dossierId])).has(dossierId);
  const hasAttestation = await hasDossierAttestation(db, dossierId);
  // A personne morale: its SIRET and API Entreprise's data (or the degraded mode's notice).
  const etablissement = await loadDossierEtablissement(db, dossierId);
  return {
    hasAttestation,
    etablissement,
    groupe: { ...loaded.groupe, changes: loaded.groupe.changes.map((c) => ({ ...c, createdAt: when(c.createdAt) })) },
    workspace,
    colleagueMessageMax: COLLEAGUE_MESSAGE_MAX_LENGTH,
    pendingCorrection: when(pendingCorrection),
    unreadMessages: unread,
    demarche: loaded.demarche,
    dossier: {
      ...dossier,
      createdAt: when(dossier.createdAt),
      deposeAt: when(dossier.deposeAt),
      enConstructionAt: when(dossier.enConstructionAt),
      enInstructionAt: when(dossier.enInstructionAt),
      processedAt: when(dossier.processedAt),
      updatedAt: when(dossier.updatedAt),
      svaSvrDecisionOn:
        dossier.svaSvrDecision !== "disabled" && (dossier.state === "en_construction" || dossier.state === "en_instruction")
          ? formatDate(dossier.svaSvrDecisionOn, locale)
          : null,
      accuseLecture:
        dossier.accuseLecture && isTermine(dossier.state) ? { readAt: when(dossier.accuseLecture.agreementAt) } : null,
    },
    form: withDisplayTexts(loaded.form, locale),
    history: loaded.history.map((h) => ({ ...h, event: h.event as TraitementEvent, processedAt: when(h.processedAt) })),
    followers: loaded.followers,
    followedByMe: loaded.followedByMe,
    events: loaded.events,
    annotations: loaded.annotations,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
    conservation: conservationView(dossier, locale),
    conservationDone: new URL(request.url).searchParams.get("conserve") === "1",
    motivationMax: MOTIVATION_MAX_LENGTH,
    avisCount,
  };
}

/**
 * Every POST names its `intent`; the dossier is first looked up in the instructeur's scope and in
 * this démarche (404 otherwise, nothing changes), then the intent's handler runs.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const handler = Object.hasOwn(DOSSIER_INTENTS, intent) ? DOSSIER_INTENTS[intent] : undefined;
  if (!handler) throw data({ status: 400 }, { status: 400 });
  const actor: InstructeurActor = { userId: instructeur.id, instructeurId: instructeur.instructeurId, email: instructeur.email };
  return handler({ db, actor, demarcheId, dossierId, form, intent });
}

export default function InstructeurDossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, dossier, form, history, followers, followedByMe, events, notice, motivationMax, annotations, workspace } =
    loaderData;
  const colleague = actionData?.colleague;
  const colleagueError = (field: "colleagues" | "message") => {
    const e = colleague?.errors[field];
    return e ? t(`notifications.colleague.errors.${e.code}` as TranslationKey, e.params) : undefined;
  };
  const errors = actionData?.errors ?? [];
  const message = (e: (typeof errors)[number]) => actionErrorMessage(t, e);
  const title = t("instructeur.dossier.title", { number: dossier.id });

  return (
    <>
      <title>
        {t(
          errors.length > 0 || hasKeys(actionData?.annotations?.errors) ? "instructeur.errorPageTitle" : "instructeur.pageTitle",
          {
            title: `${title} · ${demarche.libelle}`,
          },
        )}
      </title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {t("instructeur.dossier.breadcrumb")}
        </a>
      </p>
      <p className="fr-mb-1v">{demarche.libelle}</p>
      <h1 className="fr-mb-2w">{title}</h1>
      <div className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} small={false} />
        {loaderData.pendingCorrection ? (
          <p className="fr-badge fr-badge--warning fr-ml-1w">
            {t("messagerie.correction.pendingInstructeur", { date: loaderData.pendingCorrection })}
          </p>
        ) : null}
        {dossier.svaSvrDecisionOn ? (
          <p className="fr-badge fr-badge--info fr-ml-1w" data-testid="sva-svr-badge">
            {t(`instructeur.special.${dossier.svaSvrDecision === "svr" ? "svr" : "sva"}`, { date: dossier.svaSvrDecisionOn })}
          </p>
        ) : null}
      </div>
      <ConservationCallout
        conservation={loaderData.conservation}
        error={
          actionData?.intent === "conserver"
            ? ((errors[0]?.key.split(".").at(-1) ?? null) as "expiry_never" | "expiry_not_close" | "expiry_deleted" | null)
            : null
        }
        done={loaderData.conservationDone}
      />
      {dossier.accuseLecture ? (
        <div
          className={`fr-notice ${dossier.accuseLecture.readAt ? "fr-notice--info" : "fr-notice--warning"} fr-mb-3w`}
          data-testid="accuse-lecture"
        >
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                {dossier.accuseLecture.readAt
                  ? t("instructeur.special.read", { date: dossier.accuseLecture.readAt })
                  : t("instructeur.special.notRead")}
              </p>
            </div>
          </div>
        </div>
      ) : null}
      <DossierTabs
        demarcheId={demarche.id}
        dossierId={dossier.id}
        current="dossier"
        counts={{ avis: loaderData.avisCount }}
        badges={loaderData.unreadMessages ? { messagerie: t("messagerie.unread") } : {}}
      />
      <DownloadDossierLink href={`/procedures/${demarche.id}/dossiers/${dossier.id}/pdf`} />
      {loaderData.hasAttestation ? (
        <DownloadAttestationLink href={`/procedures/${demarche.id}/dossiers/${dossier.id}/attestation`} />
      ) : null}
      {workspace.news.length > 0 ? (
        <div className="fr-notice fr-notice--info fr-mb-3w" id="nouveautes">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">{t("notifications.badges.newSinceLastVisit")}</p>
              <NotificationBadges types={workspace.news} />
            </div>
          </div>
        </div>
      ) : null}

      {notice && notice !== "annotations" && errors.length === 0 ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(`instructeur.dossier.notices.${notice}`)}</p>
        </div>
      ) : null}

      {errors.length > 0 ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" id="erreurs">
          <h2 className="fr-alert__title">{t("instructeur.dossier.errorSummary")}</h2>
          <ul>
            {errors.map((e) => (
              <li key={e.key}>{e.field === "form" ? message(e) : <a href={actionErrorAnchor(e)}>{message(e)}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-8">
          <DossierSummary dossier={dossier} etablissement={loaderData.etablissement} />

          <section aria-labelledby="formulaire" className="fr-mb-4w">
            <h2 id="formulaire">{t("instructeur.dossier.form")}</h2>
            {form.descriptors.length === 0 ? <p>{t("instructeur.dossier.noFields")}</p> : null}
            <ChampDisplayList
              descriptors={form.descriptors}
              values={form.values}
              texts={form.texts}
              hidden={form.hidden}
              dossierLinks={form.dossierLinks}
              headingLevel={3}
            />
          </section>

          <AnnotationsSection
            dossierId={dossier.id}
            annotations={annotations}
            posted={actionData?.annotations}
            saved={notice === "annotations" && !actionData}
          />

          <DossierHistory history={history} />
          <DossierGroupe demarcheId={demarche.id} dossierId={dossier.id} groupe={loaderData.groupe} />
        </div>

        <div className="fr-col-12 fr-col-lg-4">
          <DossierFollowers followers={followers} followedByMe={followedByMe} />

          <DossierLabels
            available={workspace.labels.available}
            selected={workspace.labels.selected}
            error={actionData?.labels ? t(`notifications.labels.errors.${actionData.labels.error}` as TranslationKey) : null}
          />

          <DossierColleague
            colleagues={workspace.colleagues}
            messageMax={loaderData.colleagueMessageMax}
            posted={
              colleague
                ? {
                    values: colleague.values,
                    errors: { colleagues: colleagueError("colleagues"), message: colleagueError("message") },
                  }
                : null
            }
          />

          <DossierInstruction
            events={events}
            incompleteAnnotations={annotations.incomplete}
            motivationMax={motivationMax}
            actionData={actionData}
          />
          <ArchiveActions demarcheId={demarche.id} dossier={dossier} />
        </div>
      </div>
    </>
  );
}

function hasKeys(record: Record<string, unknown> | undefined): boolean {
  return record !== undefined && Object.keys(record).length > 0;
}
