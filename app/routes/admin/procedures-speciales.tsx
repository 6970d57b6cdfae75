/**
 * /admin/procedures/:id/procedures-speciales: declarative démarche (none / en instruction / accepté
 * at submission), silence vaut accord / rejet (decision, period and unit, what a resolved correction
 * does to the delay) and accusé de lecture. One POST form (works without JavaScript); a refused
 * input re-renders with what was typed. Scoped to the démarche's administrateurs (404 otherwise).
 */
import { data, Form, redirect } from "react-router";
import type { TranslationKey } from "../../../common/i18n";
import { DECLARATIVE_STATES, SVA_SVR_DECISIONS, SVA_SVR_RESUMES, SVA_SVR_UNITS } from "../../../server/domain/special/sva-svr";
import { updateSpecialProcedures } from "../../../server/operations/demarches/update-special-procedures";
import { loadSpecialProcedures } from "../../../server/queries/admin/special-procedures";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/procedures-speciales";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin"] };

const FIELDS = ["declarative", "svaSvrDecision", "svaSvrPeriod", "svaSvrUnit", "svaSvrResume", "accuseLecture"] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  declarative: string;
  svaSvrDecision: string;
  svaSvrPeriod: string;
  svaSvrUnit: string;
  svaSvrResume: string;
  accuseLecture: boolean;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const loaded = await loadSpecialProcedures(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return { ...loaded, saved: new URL(request.url).searchParams.get("notice") === "saved" };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await loadSpecialProcedures(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const values: Values = {
    declarative: formString(form, "declarative"),
    svaSvrDecision: formString(form, "svaSvrDecision"),
    svaSvrPeriod: formString(form, "svaSvrPeriod"),
    svaSvrUnit: formString(form, "svaSvrUnit"),
    svaSvrResume: formString(form, "svaSvrResume"),
    accuseLecture: form.get("accuseLecture") === "on",
  };
  const result = await updateSpecialProcedures(
    db,
    { administrateurId: admin.administrateurId, userId: admin.id },
    demarcheId,
    values,
  );
  if (result.ok) return redirect(`/admin/procedures/${demarcheId}/procedures-speciales?notice=saved`);
  const { errors, errorParams } = refusalsByField(result.refusals);
  return data({ values, errors, errorParams }, { status: 422 });
}

export default function ProceduresSpeciales({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche } = loaderData;
  const values: Values = actionData?.values ?? {
    declarative: loaderData.declarative,
    svaSvrDecision: loaderData.svaSvr.decision,
    svaSvrPeriod: String(loaderData.svaSvr.period),
    svaSvrUnit: loaderData.svaSvr.unit,
    svaSvrResume: loaderData.svaSvr.resume,
    accuseLecture: loaderData.accuseLecture,
  };
  const errorOf = (field: Field): string | null => {
    const code = actionData?.errors[field];
    return code ? t(`admin.special.errors.${code}` as TranslationKey, actionData?.errorParams[field]) : null;
  };
  const summary = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ fieldId: `${field}-0`, label: t(`admin.special.fields.${field}`), message }] : [];
  });
  const title = t("admin.special.title");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      {loaderData.saved && !actionData ? <Notice kind="success" title={t("admin.special.saved")} /> : null}
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <RadioGroup
          name="declarative"
          legend={t("admin.special.fields.declarative")}
          hint={t("admin.special.declarativeHint")}
          options={(["none", ...DECLARATIVE_STATES] as const).map((v) => ({
            value: v,
            label: t(`admin.special.declarative.${v}`),
          }))}
          value={values.declarative}
          error={errorOf("declarative")}
        />
        <fieldset className="fr-fieldset fr-mb-4w" aria-labelledby="sva-svr-legend">
          <legend id="sva-svr-legend" className="fr-fieldset__legend fr-h4">
            {t("admin.special.svaSvrTitle")}
            <span className="fr-hint-text">
              {loaderData.svaSvrLocked ? t("admin.special.svaSvrLocked") : t("admin.special.svaSvrHint")}
            </span>
          </legend>
          <div className="fr-fieldset__element">
            <RadioGroup
              name="svaSvrDecision"
              legend={t("admin.special.fields.svaSvrDecision")}
              options={SVA_SVR_DECISIONS.map((v) => ({ value: v, label: t(`admin.special.decision.${v}`) }))}
              value={values.svaSvrDecision}
              error={errorOf("svaSvrDecision")}
            />
          </div>
          <div className="fr-fieldset__element">
            <div className={`fr-input-group${errorOf("svaSvrPeriod") ? " fr-input-group--error" : ""}`}>
              <label className="fr-label" htmlFor="svaSvrPeriod-0">
                {t("admin.special.fields.svaSvrPeriod")}
                <span className="fr-hint-text">{t("admin.special.periodHint")}</span>
              </label>
              <input
                className={`fr-input${errorOf("svaSvrPeriod") ? " fr-input--error" : ""}`}
                id="svaSvrPeriod-0"
                name="svaSvrPeriod"
                inputMode="numeric"
                defaultValue={values.svaSvrPeriod}
                aria-invalid={errorOf("svaSvrPeriod") ? true : undefined}
                aria-describedby={errorOf("svaSvrPeriod") ? "svaSvrPeriod-error" : undefined}
              />
              {errorOf("svaSvrPeriod") ? (
                <p id="svaSvrPeriod-error" className="fr-error-text">
                  {errorOf("svaSvrPeriod")}
                </p>
              ) : null}
            </div>
          </div>
          <div className="fr-fieldset__element">
            <RadioGroup
              name="svaSvrUnit"
              legend={t("admin.special.fields.svaSvrUnit")}
              options={SVA_SVR_UNITS.map((v) => ({ value: v, label: t(`admin.special.unit.${v}`) }))}
              value={values.svaSvrUnit}
              error={errorOf("svaSvrUnit")}
              inline
            />
          </div>
          <div className="fr-fieldset__element">
            <RadioGroup
              name="svaSvrResume"
              legend={t("admin.special.fields.svaSvrResume")}
              options={SVA_SVR_RESUMES.map((v) => ({ value: v, label: t(`admin.special.resume.${v}`) }))}
              value={values.svaSvrResume}
              error={errorOf("svaSvrResume")}
            />
          </div>
        </fieldset>
        <div className="fr-checkbox-group fr-mb-4w">
          <input type="checkbox" id="accuseLecture-0" name="accuseLecture" defaultChecked={values.accuseLecture} />
          <label className="fr-label" htmlFor="accuseLecture-0">
            {t("admin.special.fields.accuseLecture")}
            <span className="fr-hint-text">{t("admin.special.accuseLectureHint")}</span>
          </label>
        </div>
        <button type="submit" className="fr-btn">
          {t("admin.special.submit")}
        </button>
      </Form>
    </>
  );
}

function RadioGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  error: string | null;
  inline?: boolean;
}) {
  const { name, error } = props;
  return (
    <fieldset
      className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
      id={`${name}-fieldset`}
      aria-labelledby={`${name}-legend${error ? ` ${name}-error` : ""}`}
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${name}-legend`}>
        {props.legend}
        {props.hint ? <span className="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((option, i) => (
        <div key={option.value} className={`fr-fieldset__element${props.inline ? " fr-fieldset__element--inline" : ""}`}>
          <div className="fr-radio-group">
            <input
              type="radio"
              id={`${name}-${i}`}
              name={name}
              value={option.value}
              defaultChecked={props.value === option.value}
            />
            <label className="fr-label" htmlFor={`${name}-${i}`}>
              {option.label}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div className="fr-messages-group" id={`${name}-error`} aria-live="polite">
          <p className="fr-message fr-message--error">{error}</p>
        </div>
      ) : null}
    </fieldset>
  );
}
