/**
 * /dossiers/:id/messagerie: the dossier's messagerie for its usager (owner only: anyone else gets
 * 404 for GET and POST, nothing changes). The usager reads the administration's messages (and the
 * copies of the state e-mails), answers with text and files, and sees a pending correction.
 */
import { data, redirect } from "react-router";
import { findSharedUsagerDossier } from "../../../server/lookups/scoped-dossier";
import { closedMessagerieCode } from "../../../server/operations/messages/message-author";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { loadThread } from "../../../server/queries/message-thread";
import { hasMessageErrors, MessagerieBody } from "../../components/messagerie/messagerie-body";
import { DossierStateBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import {
  MESSAGE_LIMITS,
  maxFileSize,
  preliminaryRefusals,
  readMessageForm,
  refusedMessage,
  threadView,
} from "../../lib/messagerie.server";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/dossier-messagerie";
import { CorrectionBanner, UsagerDossierTabs } from "./dossier-tabs";
import { dossierIdParam, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "fichiers", "messagerie", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const { dossier, demarche } = await findSharedUsagerDossier(db, user.id, id);
  const closed = closedMessagerieCode(dossier);
  return {
    dossier: { id: dossier.id, state: dossier.state },
    demarche: { libelle: demarche.libelle },
    closed,
    correction: (await pendingCorrections(db, [dossier.id])).has(dossier.id),
    messages:
      closed === "dossier_brouillon" ? [] : threadView(await loadThread(db, dossier.id), { persona: "usager" }, locale, t),
    sent: new URL(request.url).searchParams.get("notice") === "envoye",
    maxLength: MESSAGE_LIMITS.maxLength,
    maxFileSize: maxFileSize(locale),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const t = tFor(context);
  await findSharedUsagerDossier(db, user.id, id);
  const form = await readForm(request);
  if (formString(form, "intent") !== "envoyer") throw data({ status: 400 }, { status: 400 });
  const input = readMessageForm(form);
  const early = preliminaryRefusals(input);
  if (early.length > 0) return refusedMessage(db, { userId: user.id, dossierId: id }, input, early, t);
  const result = await sendMessage(
    db,
    { kind: "usager", userId: user.id, email: user.email },
    { dossierId: id, body: input.body, attachmentIds: input.attachmentIds },
  );
  if (!result.ok) return refusedMessage(db, { userId: user.id, dossierId: id }, input, result.refusals, t);
  return redirect(`/dossiers/${id}/messagerie?notice=envoye#message-${result.commentaireId}`);
}

export default function UsagerMessagerie({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { dossier, demarche, messages, closed } = loaderData;
  const title = t("messagerie.pageTitle", { number: dossier.id });
  const hasErrors = hasMessageErrors(actionData);
  return (
    <>
      <title>{t(hasErrors ? "usager.errorPageTitle" : "usager.pageTitle", { title: `${title} – ${demarche.libelle}` })}</title>
      <p className="fr-text--sm fr-mb-1w">{demarche.libelle}</p>
      <h1>{t("usager.dossierNumber", { number: dossier.id })}</h1>
      <p className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} />
      </p>
      <UsagerDossierTabs dossierId={dossier.id} current="messagerie" />
      {loaderData.correction ? <CorrectionBanner dossierId={dossier.id} onMessagerie /> : null}

      <MessagerieBody
        notice={loaderData.sent ? "messagerie.notices.envoye" : null}
        refused={actionData}
        messages={closed === "dossier_brouillon" ? null : messages}
        closed={closed}
        maxLength={loaderData.maxLength}
        maxFileSize={loaderData.maxFileSize}
        correction={false}
      />
    </>
  );
}
