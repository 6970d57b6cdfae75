import { data, Form, redirect } from "react-router";
import { assignInstructeurs, MAX_EMAILS_PER_ASSIGNMENT } from "../../../server/operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../../server/operations/demarches/remove-instructeur";
import { listDemarcheInstructeurs } from "../../../server/queries/admin/instructeurs";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/instructeurs";
import { demarcheIdOf, intField } from "./admin.server";
import { TextareaField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, Notice, PageTitle, useDynamicT, useFormatNumber } from "./ui/layout";
import { RefusalSummary, useInstructeurEmailsError } from "./ui/refusal-summary";
import { refusalsByField } from "../../../server/refusal";
import { ButtonGroup } from "../../components/dsfr/button-group";
import { DsfrTable } from "../../components/dsfr/table";

export const handle = { i18n: ["admin", "groupes"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const list = await listDemarcheInstructeurs(services(context).db, admin.administrateurId, demarcheIdOf(params));
  const query = new URL(request.url).searchParams;
  const count = (name: string) => Math.min(1000, Number.parseInt(query.get(name) ?? "0", 10) || 0);
  return {
    ...list,
    maxEmails: MAX_EMAILS_PER_ASSIGNMENT,
    notice:
      query.get("notice") === "added"
        ? { added: count("ajoutes"), already: count("deja") }
        : query.get("notice") === "removed"
          ? "removed"
          : null,
  };
}

interface ActionData {
  intent: string;
  values?: { emails: string };
  errors?: Record<string, string>;
  invalidEmails?: string[];
  confirmRemove?: { instructeurId: number; email: string };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  const { demarche, instructeurs } = await listDemarcheInstructeurs(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const page = `/admin/procedures/${demarcheId}/instructeurs`;
  const memberOf = () => {
    const instructeurId = intField(form, "instructeurId");
    const member = instructeurs.find((i) => i.instructeurId === instructeurId);
    if (!member) notFound();
    return member;
  };
  switch (intent) {
    case "add": {
      const emails = formString(form, "emails");
      const result = await assignInstructeurs(db, admin.administrateurId, demarche.id, {
        emails,
        invitedByEmail: admin.email,
        locale: requestState(context).locale,
      });
      if (!result.ok) {
        return data<ActionData>(
          {
            intent,
            values: { emails },
            errors: refusalsByField(result.refusals).errors,
            invalidEmails: result.invalidEmails ?? [],
          },
          { status: 400 },
        );
      }
      return redirect(
        `${page}?${new URLSearchParams({ notice: "added", ajoutes: String(result.added.length), deja: String(result.alreadyAssigned.length) })}`,
      );
    }
    case "confirm-remove": {
      const member = memberOf();
      return data<ActionData>({ intent, confirmRemove: { instructeurId: member.instructeurId, email: member.email } });
    }
    case "remove": {
      const member = memberOf();
      const result = await removeInstructeur(db, admin.administrateurId, demarche.id, member.instructeurId);
      if (!result.ok) return data<ActionData>({ intent, errors: refusalsByField(result.refusals).errors }, { status: 409 });
      return redirect(`${page}?notice=removed`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function Instructeurs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const formatNumber = useFormatNumber();
  const { demarche, instructeurs, notice } = loaderData;
  const page = `/admin/procedures/${demarche.id}/instructeurs`;
  const title = t("admin.instructeurs.title");
  const emailsError = useInstructeurEmailsError(actionData?.errors?.emails, actionData?.invalidEmails, loaderData.maxEmails);
  const formError = actionData?.errors?.form ? dt(`admin.instructeurs.errors.${actionData.errors.form}`) : null;
  const confirm = actionData?.confirmRemove;
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Boolean(emailsError || formError)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("admin.instructeurs.lead")}</p>
      <p>
        <a className="fr-link fr-icon-team-line fr-link--icon-left" href={`/admin/procedures/${demarche.id}/groupes`}>
          {t("groupes.title")}
        </a>
      </p>
      {notice === "removed" ? <Notice kind="success" title={t("admin.instructeurs.notices.removed")} /> : null}
      {notice && typeof notice === "object" ? (
        <Notice kind="success" title={t("admin.instructeurs.notices.added", { count: formatNumber(notice.added) })}>
          {notice.added > 0 ? <p>{t("admin.instructeurs.notices.addedBody")}</p> : null}
          {notice.already > 0 ? <p>{t("admin.instructeurs.notices.already", { count: formatNumber(notice.already) })}</p> : null}
        </Notice>
      ) : null}
      <RefusalSummary
        formTitle={t("admin.instructeurs.errors.removeTitle")}
        formError={formError}
        errors={emailsError ? [{ fieldId: "emails", label: t("admin.instructeurs.emailsLabel"), message: emailsError }] : []}
      />

      {confirm ? (
        <div className="fr-alert fr-alert--warning fr-mb-4w" id="confirm-remove">
          <h2 className="fr-alert__title">{t("admin.instructeurs.confirmTitle", { email: confirm.email })}</h2>
          <p>{t("admin.instructeurs.confirmBody")}</p>
          <ButtonGroup inline="always" size="sm" className="fr-mt-2w">
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="instructeurId" value={confirm.instructeurId} />
              <button type="submit" className="fr-btn">
                {t("admin.instructeurs.confirmRemove", { email: confirm.email })}
              </button>
            </Form>
            <a className="fr-btn fr-btn--secondary" href={page}>
              {t("common.cancel")}
            </a>
          </ButtonGroup>
        </div>
      ) : null}

      <h2>{t("admin.instructeurs.listTitle", { count: formatNumber(instructeurs.length) })}</h2>
      {instructeurs.length === 0 ? (
        <p>{demarche.state === "brouillon" ? t("admin.instructeurs.emptyTest") : t("admin.instructeurs.empty")}</p>
      ) : (
        <DsfrTable caption={t("admin.instructeurs.caption")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("admin.instructeurs.columns.email")}</th>
              <th scope="col">{t("admin.instructeurs.columns.status")}</th>
              <th scope="col">{t("admin.instructeurs.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {instructeurs.map((instructeur) => (
              <tr key={instructeur.instructeurId}>
                <th scope="row">{instructeur.email}</th>
                <td>
                  <p
                    className={`fr-badge fr-badge--sm ${instructeur.status === "active" ? "fr-badge--success" : "fr-badge--info"}`}
                  >
                    {t(`admin.instructeurs.status.${instructeur.status}`)}
                  </p>
                </td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="confirm-remove" />
                    <input type="hidden" name="instructeurId" value={instructeur.instructeurId} />
                    <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left">
                      {t("admin.instructeurs.remove")}
                      <span className="fr-sr-only">{` ${instructeur.email}`}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}

      <h2>{t("admin.instructeurs.addTitle")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <TextareaField
          id="emails"
          name="emails"
          label={t("admin.instructeurs.emailsLabel")}
          hint={t("admin.instructeurs.emailsHint")}
          required
          rows={4}
          defaultValue={actionData?.values?.emails ?? ""}
          error={emailsError}
          autoCapitalize="none"
          spellCheck={false}
        />
        <button type="submit" className="fr-btn fr-icon-user-add-line fr-btn--icon-left">
          {t("admin.instructeurs.addSubmit")}
        </button>
      </Form>
    </>
  );
}
