/**
 * /avis/:avisId/messagerie: the dossier's messagerie for the expert of a non-confidential avis,
 * when the démarche allows experts to write (`findExpertMessagerieDossier`; otherwise 404 for GET
 * and POST, nothing changes). The expert reads the thread and writes to the usager and the
 * instructeurs, with files; the usager sees « Administration » as the author.
 */
import { data, redirect } from "react-router";
import { findExpertMessagerieDossier } from "../../../server/lookups/scoped-avis";
import { closedMessagerieCode, expertAuthor } from "../../../server/operations/messages/message-author";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { loadThread } from "../../../server/queries/message-thread";
import { hasMessageErrors, MessagerieBody } from "../../components/messagerie/messagerie-body";
import { useT } from "../../lib/i18n";
import {
  deleteOwnMessage,
  MESSAGE_LIMITS,
  maxFileSize,
  preliminaryRefusals,
  readMessageForm,
  refusedMessage,
  threadView,
} from "../../lib/messagerie.server";
import { currentExpert } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/avis-messagerie";
import { ExpertAvisTabs } from "./avis-tabs";

const NOTICES = ["envoye", "supprime"] as const;
function noticeOf(value: string | null) {
  return NOTICES.find((n) => n === value) ?? null;
}

export const handle = { i18n: ["avis", "dossiers", "fichiers", "messagerie"] };

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const expert = currentExpert(context);
  const avisId = idParam(params.avisId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const { dossier, demarche } = await findExpertMessagerieDossier(db, expert.expertId, avisId);
  return {
    avisId,
    dossier: { id: dossier.id, state: dossier.state },
    demarche: { libelle: demarche.libelle },
    closed: closedMessagerieCode(dossier),
    messages: threadView(
      await loadThread(db, dossier.id),
      { persona: "expert", expertId: expert.expertId, canDelete: closedMessagerieCode(dossier) === null },
      locale,
      tFor(context),
    ),
    notice: noticeOf(new URL(request.url).searchParams.get("notice")),
    maxLength: MESSAGE_LIMITS.maxLength,
    maxFileSize: maxFileSize(locale),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const expert = currentExpert(context);
  const avisId = idParam(params.avisId);
  const { db } = services(context);
  const t = tFor(context);
  const { dossier } = await findExpertMessagerieDossier(db, expert.expertId, avisId);
  const form = await readForm(request);
  const author = expertAuthor({ userId: expert.id, expertId: expert.expertId, email: expert.email }, avisId);
  const intent = formString(form, "intent");
  if (intent === "supprimer") {
    const answer = await deleteOwnMessage(db, author, dossier.id, form, t);
    return answer === "done" ? redirect(`/avis/${avisId}/messagerie?notice=supprime`) : answer;
  }
  if (intent !== "envoyer") throw data({ status: 400 }, { status: 400 });
  const input = readMessageForm(form);
  const who = { userId: expert.id, dossierId: dossier.id };
  const early = preliminaryRefusals(input);
  if (early.length > 0) return refusedMessage(db, who, input, early, t);
  const result = await sendMessage(db, author, { dossierId: dossier.id, body: input.body, attachmentIds: input.attachmentIds });
  if (!result.ok) return refusedMessage(db, who, input, result.refusals, t);
  return redirect(`/avis/${avisId}/messagerie?notice=envoye#message-${result.commentaireId}`);
}

export default function ExpertMessagerie({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { avisId, dossier, demarche } = loaderData;
  const title = t("messagerie.pageTitle", { number: dossier.id });
  const pageTitle = `${title} · ${demarche.libelle}`;
  return (
    <>
      <title>{t(hasMessageErrors(actionData) ? "avis.errorPageTitle" : "avis.pageTitle", { title: pageTitle })}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/avis">
          {t("avis.expert.back")}
        </a>
      </p>
      <p className="fr-mb-1v">{t("avis.expert.demarche", { libelle: demarche.libelle })}</p>
      <h1 className="fr-mb-2w">{t("avis.expert.avisTitle", { number: dossier.id })}</h1>
      <p>
        <span className="fr-badge fr-badge--no-icon">{t(`dossiers.states.${dossier.state}`)}</span>
      </p>
      <ExpertAvisTabs avisId={avisId} current="messagerie" />
      <p>{t("avis.expert.messagerieIntro")}</p>
      <MessagerieBody
        notice={loaderData.notice ? `messagerie.notices.${loaderData.notice}` : null}
        refused={actionData}
        messages={loaderData.messages}
        closed={loaderData.closed}
        maxLength={loaderData.maxLength}
        maxFileSize={loaderData.maxFileSize}
        correction={false}
      />
    </>
  );
}
