/**
 * /procedures/:id/dossiers/:dossierId/messagerie: the dossier's messagerie for its instructeurs.
 * Opening it clears the instructeur's « nouveau message » badge. They write (with files, and may
 * ask a correction) and delete their own messages. Out of scope or another démarche: 404, nothing
 * changes.
 */
import { data, redirect } from "react-router";
import { closedMessagerieCode } from "../../../server/operations/messages/message-author";
import { markMessagerieRead } from "../../../server/operations/messages/mark-messagerie-read";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { loadThread } from "../../../server/queries/message-thread";
import { findInstructeurDossierOfDemarche } from "../../../server/queries/instructeur/dossier";
import { hasMessageErrors, MessagerieBody } from "../../components/messagerie/messagerie-body";
import { formatDateTime } from "../../lib/dates";
import { useT } from "../../lib/i18n";
import {
  correctionOf,
  MESSAGE_LIMITS,
  deleteOwnMessage,
  maxFileSize,
  preliminaryRefusals,
  readMessageForm,
  refusedMessage,
  threadView,
} from "../../lib/messagerie.server";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/dossier-messagerie";
import { DossierTabs } from "./dossier-tabs";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge } from "./ui";

export const handle = { i18n: ["avis", "dossiers", "fichiers", "instructeur", "messagerie"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

const NOTICES = ["envoye", "correction", "supprime"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const { dossier, demarche } = await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  await markMessagerieRead(db, instructeur.instructeurId, dossierId);
  const messages = await loadThread(db, dossierId);
  const pending = (await pendingCorrections(db, [dossierId])).get(dossierId) ?? null;
  const closed = closedMessagerieCode(dossier);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    dossier: { id: dossier.id, state: dossier.state },
    closed,
    pendingCorrection: pending ? formatDateTime(pending, locale, t) : null,
    canAskCorrection: !closed && !pending && (dossier.state === "en_construction" || dossier.state === "en_instruction"),
    messages: threadView(
      messages,
      { persona: "instructeur", instructeurId: instructeur.instructeurId, canDelete: !closed },
      locale,
      t,
    ),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
    maxLength: MESSAGE_LIMITS.maxLength,
    maxFileSize: maxFileSize(locale),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  const t = tFor(context);
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const author = {
    kind: "instructeur" as const,
    userId: instructeur.id,
    instructeurId: instructeur.instructeurId,
    email: instructeur.email,
  };
  const back = (notice: Notice) => redirect(`/procedures/${demarcheId}/dossiers/${dossierId}/messagerie?notice=${notice}`);
  const intent = formString(form, "intent");

  if (intent === "supprimer") {
    const answer = await deleteOwnMessage(db, author, dossierId, form, t);
    return answer === "done" ? back("supprime") : answer;
  }
  if (intent !== "envoyer") throw data({ status: 400 }, { status: 400 });

  const input = readMessageForm(form);
  const correction = correctionOf(input);
  const early = [...preliminaryRefusals(input), ...("code" in correction ? [correction] : [])];
  if (early.length > 0) return refusedMessage(db, { userId: instructeur.id, dossierId }, input, early, t);
  const result = await sendMessage(db, author, {
    dossierId,
    body: input.body,
    attachmentIds: input.attachmentIds,
    correction: "reason" in correction ? correction.reason : null,
  });
  if (!result.ok) return refusedMessage(db, { userId: instructeur.id, dossierId }, input, result.refusals, t);
  return back("reason" in correction && correction.reason ? "correction" : "envoye");
}

export default function InstructeurMessagerie({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, dossier, messages, notice, closed } = loaderData;
  const title = t("messagerie.pageTitle", { number: dossier.id });
  const hasErrors = hasMessageErrors(actionData);
  return (
    <>
      <title>
        {t(hasErrors ? "instructeur.errorPageTitle" : "instructeur.pageTitle", { title: `${title} · ${demarche.libelle}` })}
      </title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {t("instructeur.dossier.breadcrumb")}
        </a>
      </p>
      <p className="fr-mb-1v">{demarche.libelle}</p>
      <h1 className="fr-mb-2w">{t("instructeur.dossier.title", { number: dossier.id })}</h1>
      <div className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} small={false} />
        {loaderData.pendingCorrection ? (
          <p className="fr-badge fr-badge--warning fr-ml-1w">
            {t("messagerie.correction.pendingInstructeur", { date: loaderData.pendingCorrection })}
          </p>
        ) : null}
      </div>
      <DossierTabs demarcheId={demarche.id} dossierId={dossier.id} current="messagerie" />

      <MessagerieBody
        notice={notice ? `messagerie.notices.${notice}` : null}
        refused={actionData}
        messages={messages}
        closed={closed}
        maxLength={loaderData.maxLength}
        maxFileSize={loaderData.maxFileSize}
        correction={loaderData.canAskCorrection}
      />
    </>
  );
}
