/**
 * « Inéligibilité des dossiers »: rules on the usager's answers that, when they hold, block the
 * submission with the administrateur's message (the reference's `ineligibilite_*` of a revision).
 * One form: the switch, the message and the rules (the same row editor as field conditions).
 * Without JavaScript the rule buttons are submit buttons that save and come back here.
 */
import { useMemo, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  availableForIneligibilite,
  type ConditionRows,
  conditionOfRows,
  ineligibiliteProblems,
  withoutBlankRows,
  MAX_CONDITION_ROWS,
} from "../../../server/domain/conditions/editor";
import { updateIneligibilite } from "../../../server/operations/revisions/update-ineligibilite";
import { getIneligibiliteEditor } from "../../../server/queries/admin/conditions";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/ineligibilite";
import { demarcheIdOf } from "./admin.server";
import { conditionRowsFromForm, hasBlockingRowErrors } from "./conditions.server";
import { ConditionRowsEditor, storedRows } from "./ui/condition-editor";
import { CheckboxField, TextareaField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";
import { refusalsByField } from "../../../server/refusal";
import { ButtonGroup } from "../../components/dsfr/button-group";

const RULES_ID = "ineligibilite-rules";

export const handle = { i18n: ["admin", "champs", "conditions", "fichiers"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const editor = await getIneligibiliteEditor(
    services(context).db,
    admin.administrateurId,
    demarcheIdOf(params),
    requestState(context).locale,
  );
  return { ...editor, saved: new URL(request.url).searchParams.get("notice") === "saved" };
}

interface Values {
  enabled: boolean;
  message: string;
  rows: ConditionRows;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever they send.
  const editor = await getIneligibiliteEditor(db, admin.administrateurId, demarcheId, requestState(context).locale);
  const form = await readForm(request);
  const available = availableForIneligibilite(editor.fields);
  const parsed = conditionRowsFromForm(form, available, editor.lists);
  const values: Values = { enabled: form.get("enabled") === "on", message: formString(form, "message"), rows: parsed.state };
  const refused = (errors: Record<string, string>) => data({ values, errors }, { status: 400 });
  if (!parsed.ok) return refused({ rules: parsed.error });
  // A new rule is shown to be filled in; nothing is saved until the form is.
  if (parsed.op === "add") return data({ values, errors: {} });
  if (hasBlockingRowErrors(parsed.state, available, editor.lists)) return refused({ rules: "notSaved" });
  const { condition } = conditionOfRows(withoutBlankRows(parsed.state), available);
  const result = await updateIneligibilite(db, admin.administrateurId, demarcheId, {
    enabled: values.enabled,
    message: values.message,
    rules: condition,
  });
  if (!result.ok) return refused(refusalsByField(result.refusals).errors);
  const page = `/admin/procedures/${demarcheId}/ineligibilite`;
  return redirect(parsed.op === "save" ? `${page}?notice=saved` : `${page}#${RULES_ID}`);
}

export default function Ineligibilite({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, fields, lists, ineligibilite } = loaderData;
  const title = t("conditions.ineligibilite.title");
  const available = useMemo(() => availableForIneligibilite(fields), [fields]);
  const stored = useMemo(() => storedRows(ineligibilite.rules), [ineligibilite.rules]);
  const values: Values | null = actionData?.values ?? null;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const problems = ineligibiliteProblems(ineligibilite, fields, lists);
  const messageError = errors.message ? dt(`conditions.ineligibilite.errors.${errors.message}`) : null;
  const rulesError = errors.rules ? dt(`conditions.errors.${errors.rules}`, { max: MAX_CONDITION_ROWS }) : null;
  const summary = [
    ...(messageError ? [{ fieldId: "message", label: t("conditions.ineligibilite.message"), message: messageError }] : []),
    ...(rulesError ? [{ fieldId: RULES_ID, label: t("conditions.ineligibilite.rulesTitle"), message: rulesError }] : []),
  ];
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p>{t("conditions.ineligibilite.lead")}</p>
      <ErrorSummary errors={summary} />
      {loaderData.saved && !actionData ? <Notice kind="success" title={t("conditions.ineligibilite.saved")} /> : null}
      {demarche.state !== "brouillon" ? (
        <Notice kind="info">
          <p>{t("conditions.ineligibilite.publishedNotice")}</p>
        </Notice>
      ) : null}
      {problems.length > 0 && !actionData ? (
        <Notice kind="warning">
          <p>{t("conditions.ineligibilite.incomplete")}</p>
        </Notice>
      ) : null}
      <IneligibiliteForm
        // A new answer from the server (saved, or refused with what was sent) starts from it.
        key={JSON.stringify(values ?? [ineligibilite, stored])}
        fields={fields}
        available={available}
        lists={lists}
        enabled={values?.enabled ?? ineligibilite.enabled}
        message={values?.message ?? ineligibilite.message}
        rows={values?.rows ?? stored}
        messageError={messageError}
        rulesError={rulesError}
      />
    </>
  );
}

function IneligibiliteForm({
  fields,
  available,
  lists,
  enabled,
  message,
  rows,
  messageError,
  rulesError,
}: {
  fields: Parameters<typeof ConditionRowsEditor>[0]["fields"];
  available: Parameters<typeof ConditionRowsEditor>[0]["available"];
  lists: Parameters<typeof ConditionRowsEditor>[0]["lists"];
  enabled: boolean;
  message: string;
  rows: ConditionRows | null;
  messageError: string | null;
  rulesError: string | null;
}) {
  const t = useT();
  const [state, setState] = useState(rows);
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      <CheckboxField
        id="enabled"
        name="enabled"
        label={t("conditions.ineligibilite.enabled")}
        hint={t("conditions.ineligibilite.enabledHint")}
        defaultChecked={enabled}
        className="fr-mb-3w"
      />
      <TextareaField
        id="message"
        name="message"
        label={t("conditions.ineligibilite.message")}
        hint={t("conditions.ineligibilite.messageHint")}
        rows={4}
        defaultValue={message}
        error={messageError}
      />
      <h2 className="fr-h5 fr-mt-4w">{t("conditions.ineligibilite.rulesTitle")}</h2>
      {rulesError ? (
        <p className="fr-error-text fr-mb-2w" id={`${RULES_ID}-error`}>
          {rulesError}
        </p>
      ) : null}
      <div id={RULES_ID} tabIndex={-1}>
        {state === null ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>{t("conditions.section.unreadable")}</p>
            <button type="submit" name="op" value="clear" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w">
              {t("conditions.section.clear")}
            </button>
          </div>
        ) : available.length === 0 && state.rows.length === 0 ? (
          <p>{t("conditions.ineligibilite.noSource")}</p>
        ) : (
          <ConditionRowsEditor
            idPrefix={RULES_ID}
            legend={t("conditions.ineligibilite.rulesTitle")}
            fields={fields}
            available={available}
            lists={lists}
            state={state}
            onChange={(next) => setState(next)}
            emptyText={t("conditions.ineligibilite.noRules")}
          />
        )}
      </div>
      <ButtonGroup inline="md" className="fr-mt-4w">
        <button type="submit" name="op" value="save" className="fr-btn">
          {t("conditions.ineligibilite.save")}
        </button>
      </ButtonGroup>
    </Form>
  );
}
