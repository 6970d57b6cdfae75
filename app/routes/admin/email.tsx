/**
 * One state e-mail of the démarche (`/admin/procedures/:id/emails/:kind`): subject and body with
 * tags, saved after the check of every tag (named when unknown or unavailable in this e-mail),
 * reset to Guichet's default, previewed with a dossier of the démarche or a made-up one. The tag
 * list is a table to copy from; with JavaScript each tag gets a button inserting it at the cursor.
 */
import { useRef, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  isMailTemplateKind,
  MAIL_BODY_MAX_LENGTH,
  MAIL_SUBJECT_MAX_LENGTH,
  type MailTemplateKind,
} from "../../../common/mail-templates";
import { resetMailTemplate } from "../../../server/operations/mail-templates/reset-mail-template";
import { saveMailTemplate } from "../../../server/operations/mail-templates/save-mail-template";
import { mailTemplateEditor, previewMailTemplate } from "../../../server/queries/admin/mail-templates";
import type { Refusal } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { InputField, SelectField, TextareaField } from "../../components/dsfr/fields";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/email";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";
import { insertAtCursor, TagPicker } from "./ui/tag-picker";

export const handle = { i18n: ["admin", "modeles", "dossiers"] };

const SAMPLE = "exemple";

function kindOf(params: { kind?: string }): MailTemplateKind {
  return isMailTemplateKind(params.kind) ? params.kind : notFound();
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  const demarcheId = demarcheIdOf(params);
  const kind = kindOf(params);
  const { locale } = requestState(context);
  const editor = await mailTemplateEditor(db, admin.administrateurId, demarcheId, kind, locale);
  const query = new URL(request.url).searchParams;
  const wanted = query.get("apercu") ?? SAMPLE;
  const dossierId = /^[1-9]\d{0,9}$/.test(wanted) ? Number(wanted) : null;
  // A dossier of another démarche (or none) is a 404, as anywhere else.
  const preview = await previewMailTemplate(db, admin.administrateurId, demarcheId, kind, dossierId, {
    locale,
    appUrl: config.appUrl,
    now: new Date(),
  });
  const notice = query.get("notice");
  return { ...editor, preview, notice: notice === "saved" || notice === "reset" ? notice : null };
}

interface ActionData {
  values: { subject: string; body: string };
  refusals: Refusal[];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarcheId = demarcheIdOf(params);
  const kind = kindOf(params);
  const form = await readForm(request);
  const page = `/admin/procedures/${demarcheId}/emails/${kind}`;
  const who = { administrateurId: admin.administrateurId, userId: admin.id };
  switch (formString(form, "intent")) {
    case "save": {
      const values = { subject: formString(form, "subject"), body: formString(form, "body") };
      const result = await saveMailTemplate(db, who, demarcheId, kind, values);
      if (!result.ok) return data<ActionData>({ values, refusals: result.refusals }, { status: 422 });
      return redirect(`${page}?notice=saved`);
    }
    case "reset":
      await resetMailTemplate(db, who, demarcheId, kind);
      return redirect(`${page}?notice=reset`);
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

type Target = "subject" | "body";

export default function Email({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, kind, template, customised, tags, preview, previewDossiers, notice, problems } = loaderData;
  const name = dt(`modeles.kinds.${kind}.name`);
  const base = `/admin/procedures/${demarche.id}/emails`;
  const values = actionData?.values ?? template;
  const refusals = actionData?.refusals ?? [];
  const messages = (field: Target) =>
    refusals
      .filter((r) => r.field === field)
      .map((r) => dt(`modeles.errors.${r.code}`, r.params))
      .join(" ") || null;
  const summary = (["subject", "body"] as const).flatMap((field) => {
    const message = messages(field);
    return message ? [{ fieldId: field, label: t(`modeles.edit.${field}`), message }] : [];
  });

  const lastTarget = useRef<Target>("body");
  const [announce, setAnnounce] = useState("");
  const insert = (text: string) => {
    if (insertAtCursor(lastTarget.current, text)) setAnnounce(t("modeles.tags.inserted", { tag: text }));
  };

  return (
    <>
      <PageTitle title={`${name} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche), { label: t("modeles.list.title"), href: base }]} current={name} />
      <h1>{name}</h1>
      <p className="fr-text--lead">{t("modeles.edit.lead", { when: dt(`modeles.kinds.${kind}.when`) })}</p>
      {notice === "saved" ? <Notice kind="success" title={t("modeles.edit.saved")} /> : null}
      {notice === "reset" ? <Notice kind="success" title={t("modeles.edit.resetDone")} /> : null}
      <ErrorSummary errors={summary} />
      {problems.length > 0 && !actionData ? (
        <Notice kind="warning">
          <ul>
            {problems.map((p) => (
              <li key={p.tag}>{dt(`modeles.errors.${p.code}`, { tag: p.tag })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p>{customised ? t("modeles.edit.customised") : t("modeles.edit.notCustomised")}</p>

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <Form method="post" noValidate id="mail-template-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            <InputField
              id="subject"
              name="subject"
              label={t("modeles.edit.subject")}
              hint={t("modeles.edit.subjectHint")}
              required
              maxLength={MAIL_SUBJECT_MAX_LENGTH * 4}
              defaultValue={values.subject}
              error={messages("subject")}
              onFocus={() => {
                lastTarget.current = "subject";
              }}
            />
            <TextareaField
              id="body"
              name="body"
              label={t("modeles.edit.body")}
              hint={t("modeles.edit.bodyHint")}
              required
              rows={16}
              maxLength={MAIL_BODY_MAX_LENGTH * 2}
              defaultValue={values.body}
              error={messages("body")}
              onFocus={() => {
                lastTarget.current = "body";
              }}
            />
            <button type="submit" className="fr-btn">
              {t("modeles.edit.save")}
            </button>
          </Form>
          {customised ? (
            <Form method="post" className="fr-mt-3w">
              <CsrfInput />
              <input type="hidden" name="intent" value="reset" />
              <p className="fr-hint-text">{t("modeles.edit.resetHint")}</p>
              <button type="submit" className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left">
                {t("modeles.edit.reset")}
              </button>
            </Form>
          ) : null}
        </div>

        <div className="fr-col-12 fr-col-lg-5">
          <TagPicker tags={tags} insert={insert} announce={announce} />
        </div>
      </div>

      <h2 id="apercu">{t("modeles.preview.title")}</h2>
      <p>{t("modeles.preview.lead")}</p>
      <Form method="get" className="fr-mb-3w" action={`${base}/${kind}#apercu`}>
        <SelectField
          id="apercu-dossier"
          name="apercu"
          label={t("modeles.preview.dossier")}
          defaultValue={preview.dossierId === null ? SAMPLE : String(preview.dossierId)}
        >
          <option value={SAMPLE}>{t("modeles.preview.sample")}</option>
          {previewDossiers.map((d) => {
            const label = t("modeles.preview.dossierOption", { number: d.id, state: dt(`dossiers.states.${d.state}`) });
            return (
              <option key={d.id} value={d.id}>
                {d.forTest ? t("modeles.preview.testDossier", { label }) : label}
              </option>
            );
          })}
        </SelectField>
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("modeles.preview.show")}
        </button>
      </Form>
      <div className="fr-card fr-p-3w fr-mb-4w" id="mail-preview">
        <p className="fr-text--bold">
          {t("modeles.preview.subject")} : <span data-preview-subject>{preview.subject}</span>
        </p>
        <h3 className="fr-sr-only">{t("modeles.preview.body")}</h3>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the template is sanitized (sanitizeMailBody) and every value escaped (renderMailTemplate). */}
        <div data-preview-body dangerouslySetInnerHTML={{ __html: preview.html }} />
      </div>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={base}>
          {t("modeles.edit.back")}
        </a>
      </p>
    </>
  );
}
