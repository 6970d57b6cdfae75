/**
 * « Nouveau jeton d'API »: name, démarches (all, including future ones, or a chosen list of the
 * administrateur's), read-only or read-write, expiry (never or a day), allowed networks (CIDR).
 * The created token's bearer string is shown once in the response to the POST — never stored,
 * never logged, never in a URL. A refusal re-renders the form with everything typed.
 */
import { data, Form } from "react-router";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { listApiTokens } from "../../../server/queries/admin/api-tokens";
import { CsrfInput } from "../../components/csrf-input";
import { SubmitCancel } from "../../components/dsfr/button-group";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { readForm, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/jeton-new";
import { readTokenForm, tokenErrorMessages, tokenInput } from "./jetons-form.server";
import { TOKEN_FIELD_IDS, type TokenFormValues } from "./ui/token-form";
import { Breadcrumb, ErrorSummary, PageTitle } from "./ui/layout";
import { TokenSecret } from "./ui/token-secret";

export const handle = { i18n: ["admin", "equipe"] };

/** A page showing a secret is never cached (the action sets `Cache-Control: no-store`). */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export async function loader({ context }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { demarches } = await listApiTokens(services(context).db, admin.administrateurId);
  return { demarches };
}

type ActionData = { secret: { name: string; bearer: string } } | { values: TokenFormValues; errors: Record<string, string> };

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const t = tFor(context);
  const values = readTokenForm(await readForm(request));
  const input = tokenInput(admin.administrateurId, values);
  const result = input.ok ? await createApiToken(services(context).db, input.input) : input;
  if (!result.ok) return data<ActionData>({ values, errors: tokenErrorMessages(result.refusals, t) }, { status: 422 });
  return data<ActionData>(
    { secret: { name: values.name.trim(), bearer: result.bearer } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const EMPTY: TokenFormValues = {
  name: "",
  scope: "all",
  demarches: [],
  access: "read",
  expiry: "none",
  expiresOn: "",
  networks: "",
};

export default function AdminJetonNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("equipe.jetons.createTitle");
  const crumbs = [{ label: t("equipe.jetons.title"), href: "/admin/jetons" }];
  if (actionData && "secret" in actionData) {
    return (
      <>
        <PageTitle title={title} />
        <Breadcrumb segments={crumbs} current={title} />
        <h1>{title}</h1>
        <TokenSecret name={actionData.secret.name} bearer={actionData.secret.bearer} />
        <p>
          <a className="fr-btn fr-btn--secondary" href="/admin/jetons">
            {t("equipe.jetons.backToList")}
          </a>
        </p>
      </>
    );
  }
  const values = actionData?.values ?? EMPTY;
  const errors = actionData?.errors ?? {};
  const labels: Record<string, string> = {
    name: t("equipe.jetons.name"),
    demarcheNumbers: t("equipe.jetons.scopeLegend"),
    expiresAt: t("equipe.jetons.expiryDateLabel"),
    networks: t("equipe.jetons.networks"),
    form: "",
  };
  const summary = Object.entries(errors).map(([field, message]) => ({
    fieldId: TOKEN_FIELD_IDS[field] ?? "token-name",
    label: labels[field] ?? "",
    message,
  }));
  const describedBy = (field: string, hint: string) => (errors[field] ? `${hint} ${TOKEN_FIELD_IDS[field]}-error` : hint);
  return (
    <>
      <PageTitle title={title} error={summary.length > 0} />
      <Breadcrumb segments={crumbs} current={title} />
      <h1>{title}</h1>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <div className={errors.name ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
          <label className="fr-label" htmlFor="token-name">
            {t("equipe.jetons.name")}
            <span className="fr-hint-text" id="token-name-hint">
              {t("equipe.jetons.nameHint")}
            </span>
          </label>
          <input
            className={errors.name ? "fr-input fr-input--error" : "fr-input"}
            id="token-name"
            name="name"
            defaultValue={values.name}
            maxLength={200}
            aria-describedby={describedBy("name", "token-name-hint")}
            aria-invalid={errors.name ? true : undefined}
          />
          {errors.name ? (
            <p className="fr-error-text" id="token-name-error">
              {errors.name}
            </p>
          ) : null}
        </div>

        <fieldset
          className={errors.demarcheNumbers ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
          aria-labelledby="token-scope-legend"
          {...(errors.demarcheNumbers ? { "aria-describedby": "token-scope-all-error" } : {})}
        >
          <legend className="fr-fieldset__legend" id="token-scope-legend">
            {t("equipe.jetons.scopeLegend")}
          </legend>
          <RadioChoices
            name="scope"
            checked={values.scope}
            choices={[
              { value: "all", label: t("equipe.jetons.scopeAll") },
              { value: "some", label: t("equipe.jetons.scopeSome") },
            ]}
          />
          {loaderData.demarches.length === 0 ? (
            <p className="fr-fieldset__element">{t("equipe.jetons.noDemarche")}</p>
          ) : (
            loaderData.demarches.map((d) => (
              <div className="fr-fieldset__element fr-ml-4w" key={d.id}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`token-demarche-${d.id}`}
                    name="demarches"
                    value={d.id}
                    defaultChecked={values.demarches.includes(String(d.id))}
                  />
                  <label className="fr-label" htmlFor={`token-demarche-${d.id}`}>
                    {`${d.id} – ${d.libelle}`}
                  </label>
                </div>
              </div>
            ))
          )}
          {errors.demarcheNumbers ? (
            <div className="fr-messages-group" aria-live="polite">
              <p className="fr-message fr-message--error" id="token-scope-all-error">
                {errors.demarcheNumbers}
              </p>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="fr-fieldset" aria-labelledby="token-access-legend">
          <legend className="fr-fieldset__legend" id="token-access-legend">
            {t("equipe.jetons.accessLegend")}
          </legend>
          <RadioChoices
            name="access"
            checked={values.access}
            choices={[
              { value: "read", label: t("equipe.jetons.readOnly") },
              { value: "write", label: t("equipe.jetons.readWrite"), hint: t("equipe.jetons.readWriteHint") },
            ]}
          />
        </fieldset>

        <fieldset className="fr-fieldset" aria-labelledby="token-expiry-legend">
          <legend className="fr-fieldset__legend" id="token-expiry-legend">
            {t("equipe.jetons.expiryLegend")}
          </legend>
          <RadioChoices
            name="expiry"
            checked={values.expiry}
            choices={[
              { value: "none", label: t("equipe.jetons.expiryNone") },
              { value: "date", label: t("equipe.jetons.expiryDate") },
            ]}
          />
          <div className="fr-fieldset__element">
            <div className={errors.expiresAt ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
              <label className="fr-label" htmlFor="token-expires-on">
                {t("equipe.jetons.expiryDateLabel")}
                <span className="fr-hint-text" id="token-expires-on-hint">
                  {t("equipe.jetons.expiryDateHint")}
                </span>
              </label>
              <input
                className={errors.expiresAt ? "fr-input fr-input--error" : "fr-input"}
                type="date"
                id="token-expires-on"
                name="expires_on"
                defaultValue={values.expiresOn}
                aria-describedby={describedBy("expiresAt", "token-expires-on-hint")}
                aria-invalid={errors.expiresAt ? true : undefined}
              />
              {errors.expiresAt ? (
                <p className="fr-error-text" id="token-expires-on-error">
                  {errors.expiresAt}
                </p>
              ) : null}
            </div>
          </div>
        </fieldset>

        <div className={errors.networks ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
          <label className="fr-label" htmlFor="token-networks">
            {t("equipe.jetons.networks")}
            <span className="fr-hint-text" id="token-networks-hint">
              {t("equipe.jetons.networksHint")}
            </span>
          </label>
          <textarea
            className={errors.networks ? "fr-input fr-input--error" : "fr-input"}
            id="token-networks"
            name="networks"
            rows={3}
            defaultValue={values.networks}
            aria-describedby={describedBy("networks", "token-networks-hint")}
            aria-invalid={errors.networks ? true : undefined}
          />
          {errors.networks ? (
            <p className="fr-error-text" id="token-networks-error">
              {errors.networks}
            </p>
          ) : null}
        </div>

        <SubmitCancel submit={t("equipe.jetons.submit")} cancel={t("equipe.jetons.cancel")} cancelHref="/admin/jetons" />
      </Form>
    </>
  );
}

/** The choices of a DSFR radio fieldset (ids `token-<name>-<value>`). */
function RadioChoices(props: {
  name: string;
  checked: string;
  choices: ReadonlyArray<{ value: string; label: string; hint?: string }>;
}) {
  return props.choices.map((choice) => {
    const id = `token-${props.name}-${choice.value}`;
    return (
      <div className="fr-fieldset__element" key={choice.value}>
        <div className="fr-radio-group">
          <input type="radio" id={id} name={props.name} value={choice.value} defaultChecked={props.checked === choice.value} />
          <label className="fr-label" htmlFor={id}>
            {choice.label}
            {choice.hint ? <span className="fr-hint-text">{choice.hint}</span> : null}
          </label>
        </div>
      </div>
    );
  });
}
