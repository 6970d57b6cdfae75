/**
 * The démarche's « Administrateurs »: list, add one by e-mail (invitation when unknown), remove one
 * (never the last; removing oneself leads back to the dashboard). Scoped to the démarche's
 * administrateurs: anyone else gets 404 and nothing changes.
 */
import { data, Form, redirect } from "react-router";
import { addDemarcheAdministrateur } from "../../../server/operations/demarches/add-demarche-administrateur";
import { removeDemarcheAdministrateur } from "../../../server/operations/demarches/remove-demarche-administrateur";
import { refusalsByField } from "../../../server/refusal";
import { loadDemarcheAdministrateurs } from "../../../server/queries/admin/administrateurs";
import { DsfrTable } from "../../components/dsfr/table";
import { CsrfInput } from "../../components/csrf-input";
import { EmailForm } from "../../components/email-form";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/administrateurs";
import { demarcheIdOf, intField } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useFormatDate } from "./ui/layout";

export const handle = { i18n: ["admin", "equipe"] };

const NOTICES = ["added", "invited", "removed"] as const;
type NoticeKey = (typeof NOTICES)[number];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const loaded = await loadDemarcheAdministrateurs(services(context).db, admin.administrateurId, demarcheIdOf(params));
  const url = new URL(request.url);
  const notice = url.searchParams.get("notice");
  return {
    ...loaded,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
    noticeEmail: url.searchParams.get("email")?.slice(0, 254) ?? "",
  };
}

interface ActionData {
  values: { email: string };
  errors: Record<string, string>;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await loadDemarcheAdministrateurs(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const who = { administrateurId: admin.administrateurId, userId: admin.id };
  const page = `/admin/procedures/${demarcheId}/administrateurs`;
  const intent = formString(form, "intent");
  if (intent === "add") {
    const values = { email: formString(form, "email") };
    const result = await addDemarcheAdministrateur(db, who, demarcheId, { email: values.email, locale });
    if (result.ok) {
      return redirect(`${page}?${new URLSearchParams({ notice: result.invited ? "invited" : "added", email: result.email })}`);
    }
    const { errors, errorParams } = refusalsByField(result.refusals);
    const messages = Object.fromEntries(
      Object.entries(errors).map(([field, code]) => [
        field,
        t(`equipe.administrateurs.errors.${code}` as "equipe.administrateurs.errors.email_invalid", errorParams[field]),
      ]),
    );
    return data<ActionData>({ values, errors: messages }, { status: 422 });
  }
  if (intent === "remove") {
    const id = intField(form, "administrateurId");
    if (id === null) notFound();
    const result = await removeDemarcheAdministrateur(db, who, demarcheId, id);
    if (result.ok) return redirect(result.self ? "/admin/procedures" : `${page}?notice=removed`);
    return data<ActionData>(
      { values: { email: "" }, errors: { form: t("equipe.administrateurs.errors.last_administrateur") } },
      { status: 422 },
    );
  }
  throw data({ status: 400 }, { status: 400 });
}

export default function AdminAdministrateurs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const formatDate = useFormatDate();
  const { demarche, administrateurs, notice, noticeEmail } = loaderData;
  const title = t("equipe.administrateurs.title");
  const errors = actionData?.errors ?? {};
  const summary = [
    ...(errors.form ? [{ fieldId: "administrateurs-list", label: "", message: errors.form }] : []),
    ...(errors.email
      ? [{ fieldId: "administrateur-email", label: t("equipe.administrateurs.emailLabel"), message: errors.email }]
      : []),
  ];
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("equipe.administrateurs.lead")}</p>
      {notice && !actionData ? (
        <Notice kind="success" title={t(`equipe.administrateurs.notices.${notice}`, { email: noticeEmail })} />
      ) : null}
      <ErrorSummary errors={summary} />

      <section aria-labelledby="administrateurs-list" className="fr-mb-6w">
        <h2 id="administrateurs-list" tabIndex={-1}>
          {t("equipe.administrateurs.listTitle")}
        </h2>
        <DsfrTable caption={t("equipe.administrateurs.listTitle")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("equipe.administrateurs.email")}</th>
              <th scope="col">{t("equipe.administrateurs.status")}</th>
              <th scope="col">{t("equipe.administrateurs.addedAt")}</th>
              <th scope="col">{t("equipe.administrateurs.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {administrateurs.map((a) => (
              <tr key={a.administrateurId}>
                <td>
                  {a.email} {a.self ? t("equipe.administrateurs.you") : null}
                </td>
                <td>{a.active ? t("equipe.administrateurs.active") : t("equipe.administrateurs.invited")}</td>
                <td>{formatDate(a.addedAt)}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="administrateurId" value={a.administrateurId} />
                    <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                      {a.self ? t("equipe.administrateurs.removeSelf") : t("equipe.administrateurs.remove", { email: a.email })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      </section>

      <section aria-labelledby="administrateurs-add" className="fr-mb-6w">
        <h2 id="administrateurs-add">{t("equipe.administrateurs.addTitle")}</h2>
        <EmailForm
          intent="add"
          id="administrateur-email"
          label={t("equipe.administrateurs.emailLabel")}
          hint={t("equipe.administrateurs.emailHint")}
          value={actionData?.values.email ?? ""}
          error={errors.email}
          submit={t("equipe.administrateurs.add")}
          primary
        />
      </section>
    </>
  );
}
