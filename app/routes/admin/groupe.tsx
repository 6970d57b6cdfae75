/**
 * One groupe instructeur (administrateur): rename, close/reopen, make default, delete; add
 * instructeurs by e-mail (or a CSV of addresses) and remove them; its routing rule, edited with
 * the condition row editor (advanced routing). Without JavaScript every button posts and comes back.
 */
import { useMemo, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  availableForIneligibilite,
  type ConditionRows,
  conditionOfRows,
  withoutBlankRows,
  MAX_CONDITION_ROWS,
} from "../../../server/domain/conditions/editor";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../../server/operations/demarches/remove-instructeur";
import { deleteGroupe } from "../../../server/operations/groupes/delete-groupe";
import { updateGroupe } from "../../../server/operations/groupes/update-groupe";
import { updateGroupeRule } from "../../../server/operations/groupes/update-groupe-rule";
import { updateGroupeContact } from "../../../server/operations/groupes/update-groupe-contact";
import { setGroupeSignature } from "../../../server/operations/groupes/set-groupe-signature";
import { CONTACT_FIELDS } from "../../../server/domain/groupes/contact";
import { storageFor } from "../../../server/integrations/storage";
import { getGroupe } from "../../../server/queries/admin/groupes";
import type { Refusal } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { GroupeMembers } from "../../components/groupes/groupe-members";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services } from "../../lib/request.server";
import { GroupesImportForm } from "./ui/groupes-import-form";
import type { Route } from "./+types/groupe";
import { demarcheIdOf, intField } from "./admin.server";
import { conditionRowsFromForm, hasBlockingRowErrors } from "./conditions.server";
import { groupesImportAction, isGroupesImport, isSignatureUpload, signatureFileOf } from "./groupes.server";
import { ConditionRowsEditor, storedRows } from "./ui/condition-editor";
import { ImportErrors } from "./ui/import-errors";
import { InputField, TextareaField, UploadField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT, useFormatNumber } from "./ui/layout";
import { RefusalSummary, useInstructeurEmailsError } from "./ui/refusal-summary";

export const handle = { i18n: ["admin", "groupes", "champs", "conditions", "fichiers"] };

const RULE_ID = "routing-rule";

function groupeIdOf(params: { groupeId?: string }): number {
  const id = Number.parseInt(params.groupeId ?? "", 10);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== params.groupeId) notFound();
  return id;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const groupe = await getGroupe(
    services(context).db,
    admin.administrateurId,
    demarcheIdOf(params),
    groupeIdOf(params),
    requestState(context).locale,
  );
  return { ...groupe, notice: new URL(request.url).searchParams.get("notice") };
}

interface ActionData {
  intent: string;
  values?: Record<string, string>;
  rows?: ConditionRows;
  errors?: Record<string, string>;
  invalidEmails?: string[];
  importRefusals?: Refusal[];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const groupeId = groupeIdOf(params);
  const { db } = services(context);
  const locale = requestState(context).locale;
  const actor = { administrateurId: admin.administrateurId, userId: admin.id };
  // Scope first: another administrateur (or a groupe of another démarche) gets 404.
  const current = await getGroupe(db, admin.administrateurId, demarcheId, groupeId, locale);
  const page = `/admin/procedures/${demarcheId}/groupes/${groupeId}`;
  if (isGroupesImport(request)) {
    const result = await groupesImportAction({
      request,
      db,
      storage: storageFor(services(context).config),
      admin: { ...actor, email: admin.email },
      demarcheId,
      groupeId,
      locale,
    });
    if (!result.ok) return data<ActionData>({ intent: "import", importRefusals: result.refusals }, { status: 400 });
    if (result.mode === "queued")
      return redirect(`/admin/procedures/${demarcheId}/groupes/imports/${result.importId}?notice=queued`);
    return redirect(`${page}?notice=added`);
  }
  if (isSignatureUpload(request)) {
    const file = await signatureFileOf(request);
    const result = file.ok
      ? await setGroupeSignature(db, storageFor(services(context).config), actor, demarcheId, groupeId, file.file)
      : { ok: false as const, refusals: [{ code: file.code, field: "signature" }] };
    if (!result.ok)
      return data<ActionData>({ intent: "signature", errors: { signature: result.refusals[0]?.code ?? "" } }, { status: 400 });
    return redirect(`${page}?notice=signatureSaved#signature`);
  }
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const refused = (errors: Record<string, string>, values?: Record<string, string>, extra: Partial<ActionData> = {}) =>
    data<ActionData>({ intent, errors, values, ...extra }, { status: 400 });
  switch (intent) {
    case "rename": {
      const label = formString(form, "label");
      const result = await updateGroupe(db, actor, demarcheId, groupeId, { change: "rename", label });
      if (!result.ok) return refused({ label: result.refusals[0]?.code ?? "" }, { label });
      return redirect(`${page}?notice=updated`);
    }
    case "close":
    case "reopen":
    case "make_default": {
      const result = await updateGroupe(db, actor, demarcheId, groupeId, { change: intent });
      if (!result.ok) return refused({ form: result.refusals[0]?.code ?? "" });
      return redirect(`${page}?notice=updated`);
    }
    case "delete": {
      const result = await deleteGroupe(db, actor, demarcheId, groupeId);
      if (!result.ok) return refused({ form: result.refusals[0]?.code ?? "" });
      return redirect(`/admin/procedures/${demarcheId}/groupes?notice=deleted`);
    }
    case "add": {
      const emails = formString(form, "emails");
      const result = await assignInstructeurs(
        db,
        admin.administrateurId,
        demarcheId,
        { emails, invitedByEmail: admin.email, locale },
        { groupeId, actorUserId: admin.id },
      );
      if (!result.ok)
        return refused({ emails: result.refusals[0]?.code ?? "" }, { emails }, { invalidEmails: result.invalidEmails ?? [] });
      return redirect(`${page}?notice=added`);
    }
    case "remove": {
      const instructeurId = intField(form, "instructeurId");
      if (!current.instructeurs.some((i) => i.instructeurId === instructeurId)) notFound();
      const result = await removeInstructeur(db, admin.administrateurId, demarcheId, instructeurId as number, {
        groupeId,
        actorUserId: admin.id,
      });
      if (!result.ok) return refused({ form: result.refusals[0]?.code ?? "" });
      return redirect(`${page}?notice=removed`);
    }
    case "contact": {
      if (formString(form, "op") === "remove") {
        await updateGroupeContact(db, actor, demarcheId, groupeId, null);
        return redirect(`${page}?notice=contactRemoved#contact`);
      }
      const values = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, formString(form, `contact_${f}`)])) as Record<
        (typeof CONTACT_FIELDS)[number],
        string
      >;
      const result = await updateGroupeContact(db, actor, demarcheId, groupeId, values);
      if (!result.ok) return refused(Object.fromEntries(result.refusals.map((r) => [`contact_${r.field}`, r.code])), values);
      return redirect(`${page}?notice=contactSaved#contact`);
    }
    case "signature-remove": {
      await setGroupeSignature(db, storageFor(services(context).config), actor, demarcheId, groupeId, null);
      return redirect(`${page}?notice=signatureRemoved#signature`);
    }
    case "rule": {
      const available = availableForIneligibilite(current.fields);
      const parsed = conditionRowsFromForm(form, available, current.lists);
      if (!parsed.ok) return refused({ rule: parsed.error }, undefined, { rows: parsed.state });
      if (parsed.op === "add") return data<ActionData>({ intent, rows: parsed.state });
      if (hasBlockingRowErrors(parsed.state, available, current.lists))
        return refused({ rule: "notSaved" }, undefined, { rows: parsed.state });
      const rows = withoutBlankRows(parsed.state);
      const condition = rows.rows.length === 0 ? null : conditionOfRows(rows, available).condition;
      const result = await updateGroupeRule(db, actor, demarcheId, groupeId, condition);
      if (!result.ok) return refused({ rule: result.refusals[0]?.code ?? "" }, undefined, { rows: parsed.state });
      return redirect(`${page}?notice=ruleSaved#${RULE_ID}`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function Groupe({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const formatNumber = useFormatNumber();
  const { demarche, groupe, instructeurs, fields, lists, notice } = loaderData;
  const list = `/admin/procedures/${demarche.id}/groupes`;
  const errors = actionData?.errors ?? {};
  const labelError = errors.label ? dt(`groupes.errors.${errors.label}`) : null;
  const emailsError = useInstructeurEmailsError(errors.emails, actionData?.invalidEmails, 50);
  const formError = errors.form
    ? dt(errors.form === "last_instructeur" ? `admin.instructeurs.errors.${errors.form}` : `groupes.errors.${errors.form}`)
    : null;
  const ruleError = errors.rule
    ? dt(errors.rule === "malformed" ? "groupes.errors.malformed" : `conditions.errors.${errors.rule}`, {
        max: MAX_CONDITION_ROWS,
      })
    : null;
  const summary = [
    ...(labelError ? [{ fieldId: "label", label: t("groupes.groupe.labelField"), message: labelError }] : []),
    ...(emailsError ? [{ fieldId: "emails", label: t("groupes.groupe.emails"), message: emailsError }] : []),
    ...(ruleError ? [{ fieldId: RULE_ID, label: t("groupes.groupe.ruleTitle"), message: ruleError }] : []),
  ];
  const available = useMemo(() => availableForIneligibilite(fields), [fields]);
  const stored = useMemo(() => storedRows(groupe.routingRule), [groupe.routingRule]);
  return (
    <>
      <PageTitle title={`${groupe.label} – ${demarche.libelle}`} error={summary.length > 0 || Boolean(formError)} />
      <Breadcrumb segments={[demarcheCrumb(demarche), { label: t("groupes.title"), href: list }]} current={groupe.label} />
      <h1>
        {groupe.label}
        {groupe.isDefault ? <span className="fr-badge fr-badge--info fr-ml-2w">{t("groupes.defaultBadge")}</span> : null}
        {groupe.closed ? <span className="fr-badge fr-ml-2w">{t("groupes.closedBadge")}</span> : null}
      </h1>
      {notice &&
      [
        "created",
        "updated",
        "added",
        "removed",
        "ruleSaved",
        "contactSaved",
        "contactRemoved",
        "signatureSaved",
        "signatureRemoved",
      ].includes(notice) ? (
        <Notice kind="success" title={dt(`groupes.notices.${notice}`)} />
      ) : null}
      {groupe.problems.map((p) => (
        <Notice key={p} kind="warning" title={dt(`groupes.problems.${p}`)} />
      ))}
      <RefusalSummary formTitle={t("groupes.errors.title")} formError={formError} errors={summary} />
      {actionData?.importRefusals ? <ImportErrors refusals={actionData.importRefusals} /> : null}

      <Form method="post" noValidate className="fr-mb-3w">
        <CsrfInput />
        <input type="hidden" name="intent" value="rename" />
        <InputField
          id="label"
          name="label"
          label={t("groupes.groupe.labelField")}
          required
          defaultValue={actionData?.values?.label ?? groupe.label}
          error={labelError}
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("groupes.groupe.rename")}
        </button>
      </Form>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        {(
          [groupe.closed ? "reopen" : "close", ...(groupe.isDefault || groupe.closed ? [] : ["make_default"]), "delete"] as const
        ).map((intent) => (
          <li key={intent}>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value={intent} />
              <button type="submit" className="fr-btn fr-btn--tertiary">
                {t(
                  intent === "reopen"
                    ? "groupes.groupe.reopen"
                    : intent === "close"
                      ? "groupes.groupe.close"
                      : intent === "make_default"
                        ? "groupes.groupe.makeDefault"
                        : "groupes.groupe.delete",
                )}
              </button>
            </Form>
          </li>
        ))}
      </ul>

      <h2 className="fr-mt-4w">
        {tn("groupes.groupe.instructeursTitle", instructeurs.length, { count: formatNumber(instructeurs.length) })}
      </h2>
      {instructeurs.length === 0 ? <p>{t("groupes.groupe.noInstructeur")}</p> : null}
      <GroupeMembers instructeurs={instructeurs} emails={actionData?.values?.emails ?? ""} emailsError={emailsError ?? null} />
      <GroupesImportForm action="?import" lead={t("groupes.import.leadGroupe")} className="fr-mt-3w" />

      <ContactForm
        contact={groupe.contact}
        values={actionData?.intent === "contact" ? actionData.values : undefined}
        errors={actionData?.intent === "contact" ? errors : {}}
      />
      <SignatureForm
        signature={groupe.signature}
        error={errors.signature ? dt(`groupes.signature.errors.${errors.signature}`) : null}
      />

      <h2 className="fr-mt-6w" id={`${RULE_ID}-title`}>
        {t("groupes.groupe.ruleTitle")}
      </h2>
      <p>{t("groupes.groupe.ruleLead")}</p>
      {ruleError ? (
        <p className="fr-error-text fr-mb-2w" id={`${RULE_ID}-error`}>
          {ruleError}
        </p>
      ) : null}
      <RuleForm
        key={JSON.stringify(actionData?.rows ?? stored)}
        fields={fields}
        available={available}
        lists={lists}
        rows={actionData?.rows ?? stored}
      />
    </>
  );
}

function RuleForm({
  fields,
  available,
  lists,
  rows,
}: {
  fields: Parameters<typeof ConditionRowsEditor>[0]["fields"];
  available: Parameters<typeof ConditionRowsEditor>[0]["available"];
  lists: Parameters<typeof ConditionRowsEditor>[0]["lists"];
  rows: ConditionRows | null;
}) {
  const t = useT();
  const [state, setState] = useState(rows ?? { combinator: "Logic::And" as const, rows: [] });
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="rule" />
      <div id={RULE_ID} tabIndex={-1}>
        {available.length === 0 && state.rows.length === 0 ? (
          <p>{t("groupes.groupe.noSource")}</p>
        ) : (
          <ConditionRowsEditor
            idPrefix={RULE_ID}
            legend={t("groupes.groupe.ruleTitle")}
            fields={fields}
            available={available}
            lists={lists}
            state={state}
            onChange={(next) => setState(next)}
          />
        )}
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <button type="submit" name="op" value="save" className="fr-btn">
            {t("groupes.groupe.ruleSave")}
          </button>
        </li>
        <li>
          <button type="submit" name="op" value="clear" className="fr-btn fr-btn--secondary">
            {t("groupes.groupe.ruleRemove")}
          </button>
        </li>
      </ul>
    </Form>
  );
}

function ContactForm({
  contact,
  values,
  errors,
}: {
  contact: Record<(typeof CONTACT_FIELDS)[number], string> | null;
  values?: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const dt = useDynamicT();
  const summary = CONTACT_FIELDS.filter((f) => errors[`contact_${f}`]).map((f) => ({
    fieldId: `contact_${f}`,
    label: t(`groupes.contact.fields.${f}`),
    message: dt(`groupes.contact.errors.${errors[`contact_${f}`]}`),
  }));
  return (
    <section className="fr-mt-6w" aria-labelledby="contact">
      <h2 id="contact">{t("groupes.contact.title")}</h2>
      <p>{t("groupes.contact.lead")}</p>
      {contact === null ? <p>{t("groupes.contact.none")}</p> : null}
      <ErrorSummary errors={summary} id="contact-errors" />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="contact" />
        {CONTACT_FIELDS.map((f) => {
          const code = errors[`contact_${f}`];
          const props = {
            id: `contact_${f}`,
            name: `contact_${f}`,
            label: t(`groupes.contact.fields.${f}`),
            required: true,
            defaultValue: values?.[f] ?? contact?.[f] ?? "",
            error: code ? dt(`groupes.contact.errors.${code}`) : null,
          };
          return f === "adresse" || f === "horaires" ? (
            <TextareaField key={f} {...props} rows={2} />
          ) : (
            <InputField key={f} {...props} type={f === "email" ? "email" : f === "telephone" ? "tel" : "text"} />
          );
        })}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" name="op" value="save" className="fr-btn">
              {t("groupes.contact.save")}
            </button>
          </li>
          {contact !== null ? (
            <li>
              <button type="submit" name="op" value="remove" className="fr-btn fr-btn--secondary">
                {t("groupes.contact.remove")}
              </button>
            </li>
          ) : null}
        </ul>
      </Form>
    </section>
  );
}

function SignatureForm({ signature, error }: { signature: { filename: string; byteSize: number } | null; error: string | null }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <section className="fr-mt-6w" aria-labelledby="signature">
      <h2 id="signature">{t("groupes.signature.title")}</h2>
      <p>{t("groupes.signature.lead")}</p>
      <p data-testid="signature-current">
        {signature === null
          ? t("groupes.signature.none")
          : `${signature.filename} (${formatNumber(Math.ceil(signature.byteSize / 1024))} Ko)`}
      </p>
      <Form method="post" encType="multipart/form-data" action="?signature" noValidate>
        <CsrfInput />
        <UploadField
          id="signature-file"
          name="signature"
          label={t("groupes.signature.file")}
          accept="image/png,image/jpeg"
          required
          error={error}
          className="fr-mb-3w"
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("groupes.signature.submit")}
        </button>
      </Form>
      {signature !== null ? (
        <Form method="post" className="fr-mt-2w">
          <CsrfInput />
          <input type="hidden" name="intent" value="signature-remove" />
          <button type="submit" className="fr-btn fr-btn--tertiary">
            {t("groupes.signature.remove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
