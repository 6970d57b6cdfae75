import { data, Form } from "react-router";
import { signIn } from "../../../server/operations/accounts/sign-in";
import { claimRememberedPrefill } from "../usager/prefill.server";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { AuthColumn, ErrorSummary, FormAlert, InputField, PageTitle, RateLimitAlert, withRedirect } from "./form-ui";
import {
  authHeaders,
  redirectIfSignedIn,
  redirectToParam,
  signedInRedirect,
  tooManyRequests,
  userAgentOf,
} from "./session.server";
import type { Route } from "./+types/sign-in";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  redirectIfSignedIn(context, request);
  return { redirectTo: redirectToParam(request) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const state = requestState(context);
  const email = formString(form, "email");
  const redirectTo = formString(form, "redirect_to");
  const values = { email };
  const result = await signIn(services(context).db, {
    email,
    password: formString(form, "password"),
    ip: state.clientIp,
    userAgent: userAgentOf(request),
    previousSessionIdHash: state.sessionIdHash,
  });
  if (result.ok) {
    // A prefilled dossier this browser opened before signing in becomes the usager's, and is where they go.
    const prefilled = await claimRememberedPrefill(context, request, result.userId);
    return signedInRedirect(context, result, redirectTo, prefilled);
  }
  switch (result.reason) {
    case "invalid":
      return data({ values, errors: result.errors }, { status: 400 });
    case "rate_limited":
      return tooManyRequests({ values }, result.retryAfterSeconds);
    case "unconfirmed":
      return data({ values, formError: "unconfirmed" as const }, { status: 400 });
    case "invalid_credentials":
      return data({ values, formError: "invalid_credentials" as const }, { status: 400 });
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const redirectTo = loaderData.redirectTo;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  const email = actionData?.values.email ?? "";
  const labels = { email: t("auth.fields.email"), password: t("auth.fields.password") };
  return (
    <AuthColumn>
      <PageTitle title={t("auth.signIn.title")} error={Boolean(errors || formError)} />
      <h1>{t("auth.signIn.heading")}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      {formError === "invalid_credentials" ? (
        <FormAlert>
          <p>{t("auth.errors.invalidCredentials")}</p>
        </FormAlert>
      ) : null}
      {formError === "unconfirmed" ? (
        <FormAlert>
          <p>{t("auth.errors.unconfirmed")}</p>
          <p>
            <a href={withRedirect("/users/confirmation/new", redirectTo)}>{t("auth.errors.unconfirmedResend")}</a>
          </p>
        </FormAlert>
      ) : null}
      {formError === "rate_limited" && actionData && "retryAfterMinutes" in actionData ? (
        <RateLimitAlert retryAfterMinutes={actionData.retryAfterMinutes} />
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirect_to" value={redirectTo} /> : null}
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">
            <span className="fr-hint-text">{t("auth.allFieldsRequired")}</span>
          </legend>
          <div className="fr-fieldset__element">
            <InputField
              id="email"
              label={labels.email}
              hint={t("auth.fields.emailHint")}
              type="email"
              autoComplete="email"
              defaultValue={email}
              error={errors?.email}
            />
          </div>
          <div className="fr-fieldset__element">
            <InputField
              id="password"
              label={labels.password}
              type="password"
              autoComplete="current-password"
              error={errors?.password}
            />
            <p className="fr-mt-1w">
              <a className="fr-link" href={withRedirect("/users/password/new", redirectTo)}>
                {t("auth.signIn.forgotPassword")}
              </a>
            </p>
          </div>
        </fieldset>
        <ul className="fr-btns-group">
          <li>
            <button type="submit" className="fr-btn">
              {t("auth.signIn.submit")}
            </button>
          </li>
        </ul>
      </Form>
      <hr />
      <h2 className="fr-h5">{t("auth.signIn.noAccountTitle")}</h2>
      <ul className="fr-btns-group">
        <li>
          <a className="fr-btn fr-btn--secondary" href={withRedirect("/users/sign_up", redirectTo)}>
            {t("auth.signIn.signUpLink")}
          </a>
        </li>
      </ul>
    </AuthColumn>
  );
}
