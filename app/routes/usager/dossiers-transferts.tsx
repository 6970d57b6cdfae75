/**
 * /dossiers/transferts: the transfers proposed to the signed-in user's e-mail (accept or refuse),
 * those they proposed, and the form to propose all their dossiers to another e-mail.
 */
import { data, Form, redirect } from "react-router";
import { transferExpiresAt } from "../../../server/domain/partage/transfers";
import { acceptTransfer, proposeTransfer, refuseTransfer } from "../../../server/operations/partage/transfers";
import { listReceivedTransfers, listSentTransfers } from "../../../server/queries/usager/partage";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { EmailForm } from "../../components/email-form";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossiers-transferts";
import { MesDossiersTabs } from "./mes-dossiers-tabs";
import { formatDate, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "usager"] };

export const headers = noStoreHeaders;

const NOTICES = ["accepte", "refuse", "propose"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const { locale } = requestState(context);
  const { db } = services(context);
  const view = (rows: Awaited<ReturnType<typeof listSentTransfers>>) =>
    rows.map((r) => ({
      id: r.id,
      email: r.email,
      fromEmail: r.fromEmail,
      dossierIds: r.dossierIds,
      until: formatDate(transferExpiresAt(r.createdAt), locale),
    }));
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    received: view(await listReceivedTransfers(db, user.email)),
    sent: view(await listSentTransfers(db, user.id)),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const { db } = services(context);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const actor = { userId: user.id, email: user.email };
  const transferId = Number(formString(form, "transfer_id") ?? "");
  switch (intent) {
    case "accepter":
      await acceptTransfer(db, actor, transferId);
      throw redirect("/dossiers/transferts?notice=accepte");
    case "refuser":
      await refuseTransfer(db, actor, transferId);
      throw redirect("/dossiers/transferts?notice=refuse");
    case "transferer-tout": {
      const values = { email: formString(form, "email") ?? "" };
      const result = await proposeTransfer(db, actor, { dossierId: "all", email: values.email });
      if (!result.ok) return { values, ...refusalsByField(result.refusals) };
      throw redirect("/dossiers/transferts?notice=propose");
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function DossiersTransferts({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const emailError = actionData?.errors.email ? t(`usager.partage.errors.${actionData.errors.email as "email_invalid"}`) : null;
  const numbers = (ids: number[]) => ids.map((id) => `n° ${id}`).join(", ");
  return (
    <>
      <title>
        {t(emailError ? "usager.errorPageTitle" : "usager.pageTitle", { title: t("usager.partage.transfers.title") })}
      </title>
      <h1>{t("usager.mesDossiers.title")}</h1>
      <MesDossiersTabs current="transferts" />
      {loaderData.notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(`usager.partage.notices.transfer_${loaderData.notice}`)}</p>
        </div>
      ) : null}
      <section aria-labelledby="transferts-recus" className="fr-mb-6w">
        <h2 id="transferts-recus">{t("usager.partage.transfers.received")}</h2>
        {loaderData.received.length === 0 ? (
          <p>{t("usager.partage.transfers.noneReceived")}</p>
        ) : (
          <ul className="fr-raw-list" data-testid="transferts-recus">
            {loaderData.received.map((transfer) => (
              <li key={transfer.id} className="fr-card fr-p-3w fr-mb-2w">
                <p>
                  {t("usager.partage.transfers.receivedItem", {
                    from: transfer.fromEmail,
                    dossiers: numbers(transfer.dossierIds),
                    date: transfer.until,
                  })}
                </p>
                <ul className="fr-btns-group fr-btns-group--inline-md">
                  <li>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="transfer_id" value={transfer.id} />
                      <button type="submit" name="intent" value="accepter" className="fr-btn">
                        {t("usager.partage.transfers.accept")}
                      </button>
                    </Form>
                  </li>
                  <li>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="transfer_id" value={transfer.id} />
                      <button type="submit" name="intent" value="refuser" className="fr-btn fr-btn--secondary">
                        {t("usager.partage.transfers.refuse")}
                      </button>
                    </Form>
                  </li>
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="transferts-envoyes" className="fr-mb-6w">
        <h2 id="transferts-envoyes">{t("usager.partage.transfers.sent")}</h2>
        {loaderData.sent.length === 0 ? (
          <p>{t("usager.partage.transfers.noneSent")}</p>
        ) : (
          <ul data-testid="transferts-envoyes">
            {loaderData.sent.map((transfer) => (
              <li key={transfer.id}>
                {t("usager.partage.transfers.sentItem", {
                  email: transfer.email,
                  dossiers: numbers(transfer.dossierIds),
                  date: transfer.until,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="transferer-tout">
        <h2 id="transferer-tout">{t("usager.partage.transfers.allTitle")}</h2>
        <p>{t("usager.partage.transfers.allLead")}</p>
        <EmailForm
          intent="transferer-tout"
          id="transfer-all-email"
          label={t("usager.partage.transfer.email")}
          hint={t("usager.partage.emailHint")}
          value={actionData?.values.email ?? ""}
          error={emailError}
          submit={t("usager.partage.transfers.allSubmit")}
        />
      </section>
    </>
  );
}
