/**
 * /dossiers/:id/partage: sharing a dossier. Its owner invites co-editors by e-mail (optional
 * message), removes invitations, and proposes the dossier to another e-mail (transfer, 2 weeks);
 * a co-editor sees who shared it and may leave it. Anyone else: 404 for GET and POST, nothing changes.
 */
import { data, Form, redirect } from "react-router";
import { inviteToDossier, leaveDossier, removeInvite } from "../../../server/operations/partage/invite-to-dossier";
import { proposeTransfer } from "../../../server/operations/partage/transfers";
import { loadDossierPartage } from "../../../server/queries/usager/partage";
import { refusalsByField } from "../../../server/refusal";
import { transferExpiresAt } from "../../../server/domain/partage/transfers";
import { CsrfInput } from "../../components/csrf-input";
import { TextareaField } from "../../components/dsfr/fields";
import { EmailForm } from "../../components/email-form";
import { DossierStateBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-partage";
import { UsagerDossierTabs } from "./dossier-tabs";
import { dossierIdParam, formatDate, formatDateTime, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "messagerie", "usager"] };

export const headers = noStoreHeaders;

const NOTICES = ["invite", "retire", "transfert"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { locale } = requestState(context);
  const loaded = await loadDossierPartage(services(context).db, user.id, id);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    dossier: { id: loaded.dossier.id, state: loaded.dossier.state },
    demarche: { libelle: loaded.demarche.libelle },
    owner: loaded.owner,
    ownerEmail: loaded.ownerEmail,
    invites: loaded.invites.map((i) => ({ id: i.id, email: i.email, createdAt: formatDateTime(i.createdAt, locale) })),
    pendingTransfer: loaded.pendingTransfer
      ? { email: loaded.pendingTransfer.email, until: formatDate(transferExpiresAt(loaded.pendingTransfer.createdAt), locale) }
      : null,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const actor = { userId: user.id, email: user.email };
  switch (intent) {
    case "inviter": {
      const values = { email: formString(form, "email") ?? "", message: formString(form, "message") ?? "" };
      const result = await inviteToDossier(db, actor, { dossierId: id, ...values });
      if (!result.ok) return { intent, values, ...refusalsByField(result.refusals) };
      throw redirect(`/dossiers/${id}/partage?notice=invite`);
    }
    case "retirer":
      await removeInvite(db, user.id, { dossierId: id, inviteId: Number(formString(form, "invite_id") ?? "") });
      throw redirect(`/dossiers/${id}/partage?notice=retire`);
    case "quitter":
      await leaveDossier(db, actor, id);
      throw redirect("/dossiers/invites?notice=quitte");
    case "transferer": {
      const values = { email: formString(form, "email") ?? "", message: "" };
      const result = await proposeTransfer(db, actor, { dossierId: id, email: values.email });
      if (!result.ok) return { intent, values, ...refusalsByField(result.refusals) };
      throw redirect(`/dossiers/${id}/partage?notice=transfert`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function DossierPartage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { dossier, demarche, owner } = loaderData;
  const inviteErrors = actionData?.intent === "inviter" ? actionData : null;
  const transferErrors = actionData?.intent === "transferer" ? actionData : null;
  const hasErrors = Boolean(inviteErrors ?? transferErrors);
  const title = `${t("usager.partage.title")} – ${t("usager.dossierNumber", { number: dossier.id })}`;
  const error = (code: string | undefined, params?: Record<string, string | number>) =>
    code ? t(`usager.partage.errors.${code as PartageErrorCode}`, params) : null;
  const inviteEmailError = error(inviteErrors?.errors.email);
  const inviteMessageError = error(inviteErrors?.errors.message, inviteErrors?.errorParams.message);
  const transferEmailError = error(transferErrors?.errors.email);
  return (
    <>
      <title>{t(hasErrors ? "usager.errorPageTitle" : "usager.pageTitle", { title: `${title} – ${demarche.libelle}` })}</title>
      <p className="fr-text--sm fr-mb-1w">{demarche.libelle}</p>
      <h1>{t("usager.dossierNumber", { number: dossier.id })}</h1>
      <p className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} />
      </p>
      <UsagerDossierTabs dossierId={dossier.id} current="partage" />
      {loaderData.notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(`usager.partage.notices.${loaderData.notice}`)}</p>
        </div>
      ) : null}

      {!owner ? (
        <section aria-labelledby="partage-invite">
          <h2 id="partage-invite">{t("usager.partage.invitee.title")}</h2>
          <p>{t("usager.partage.invitee.body", { email: loaderData.ownerEmail ?? "" })}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="quitter" />
            <button type="submit" className="fr-btn fr-btn--secondary">
              {t("usager.partage.invitee.leave")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <section aria-labelledby="partage-inviter" className="fr-mb-6w">
            <h2 id="partage-inviter">{t("usager.partage.invite.title")}</h2>
            <p>{t("usager.partage.invite.lead")}</p>
            <EmailForm
              intent="inviter"
              id="invite-email"
              label={t("usager.partage.invite.email")}
              hint={t("usager.partage.emailHint")}
              value={inviteErrors?.values.email ?? ""}
              error={inviteEmailError}
              submit={t("usager.partage.invite.submit")}
              primary
            >
              <TextareaField
                id="invite-message"
                name="message"
                label={t("usager.partage.invite.message")}
                rows={3}
                defaultValue={inviteErrors?.values.message ?? ""}
                error={inviteMessageError}
              />
            </EmailForm>
            <h3 className="fr-mt-4w">{t("usager.partage.invite.listTitle")}</h3>
            {loaderData.invites.length === 0 ? (
              <p>{t("usager.partage.invite.none")}</p>
            ) : (
              <ul data-testid="invites">
                {loaderData.invites.map((invite) => (
                  <li key={invite.id} className="fr-mb-1w">
                    {invite.email} <span className="fr-text--sm">({invite.createdAt})</span>{" "}
                    <Form method="post" className="fr-displayed-inline" style={{ display: "inline" }}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="retirer" />
                      <input type="hidden" name="invite_id" value={invite.id} />
                      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                        {t("usager.partage.invite.remove")}
                        <span className="fr-sr-only"> {invite.email}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="partage-transferer">
            <h2 id="partage-transferer">{t("usager.partage.transfer.title")}</h2>
            {loaderData.pendingTransfer ? (
              <p data-testid="transfert-en-attente">
                {t("usager.partage.transfer.pending", {
                  email: loaderData.pendingTransfer.email,
                  date: loaderData.pendingTransfer.until,
                })}
              </p>
            ) : (
              <>
                <p>{t("usager.partage.transfer.lead")}</p>
                <EmailForm
                  intent="transferer"
                  id="transfer-email"
                  label={t("usager.partage.transfer.email")}
                  hint={t("usager.partage.emailHint")}
                  value={transferErrors?.values.email ?? ""}
                  error={transferEmailError}
                  submit={t("usager.partage.transfer.submit")}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

type PartageErrorCode =
  | "email_required"
  | "email_invalid"
  | "invite_self"
  | "already_invited"
  | "message_too_long"
  | "transfer_self"
  | "already_proposed"
  | "nothing_to_transfer";
