import { data, Form } from "react-router";
import { signUp } from "../../../server/operations/accounts/sign-up";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { AuthColumn, CheckMail, ErrorSummary, InputField, PageTitle, RateLimitAlert, withRedirect } from "./form-ui";
import { authHeaders, PASSWORD_RULES, redirectIfSignedIn, redirectToParam, tooManyRequests } from "./session.server";
import type { Route } from "./+types/sign-up";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  redirectIfSignedIn(context, request);
  return { redirectTo: redirectToParam(request), rules: PASSWORD_RULES };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const state = requestState(context);
  const values = { email: formString(form, "email") };
  const result = await signUp(services(context).db, {
    email: values.email,
    password: formString(form, "password"),
    locale: state.locale,
    ip: state.clientIp,
    redirectTo: formString(form, "redirect_to"),
  });
  if (result.ok) return { sent: true as const, email: result.email };
  if (result.reason === "rate_limited") return tooManyRequests({ values }, result.retryAfterSeconds);
  return data({ values, errors: result.errors }, { status: 400 });
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { redirectTo, rules } = loaderData;
  if (actionData && "sent" in actionData) {
    return (
      <CheckMail
        body={t("auth.checkMail.signUpBody", { email: actionData.email })}
        resendHref={withRedirect("/users/confirmation/new", redirectTo)}
        retryHref={withRedirect("/users/sign_up", redirectTo)}
      />
    );
  }
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const rateLimited = actionData && "formError" in actionData ? actionData : undefined;
  const labels = { email: t("auth.fields.email"), password: t("auth.fields.newPassword") };
  return (
    <AuthColumn>
      <PageTitle title={t("auth.signUp.title")} error={Boolean(errors || rateLimited)} />
      <h1>{t("auth.signUp.heading")}</h1>
      <p>{t("auth.signUp.lead")}</p>
      <ErrorSummary errors={errors} labels={labels} rules={rules} />
      {rateLimited ? <RateLimitAlert retryAfterMinutes={rateLimited.retryAfterMinutes} /> : null}
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
              defaultValue={actionData?.values.email ?? ""}
              error={errors?.email}
            />
          </div>
          <div className="fr-fieldset__element">
            <InputField
              id="password"
              label={labels.password}
              hint={t("auth.fields.passwordRules", rules)}
              type="password"
              autoComplete="new-password"
              error={errors?.password}
              rules={rules}
            />
          </div>
        </fieldset>
        <ul className="fr-btns-group">
          <li>
            <button type="submit" className="fr-btn">
              {t("auth.signUp.submit")}
            </button>
          </li>
        </ul>
      </Form>
      <hr />
      <h2 className="fr-h5">{t("auth.signUp.haveAccountTitle")}</h2>
      <ul className="fr-btns-group">
        <li>
          <a className="fr-btn fr-btn--secondary" href={withRedirect("/users/sign_in", redirectTo)}>
            {t("auth.signUp.signInLink")}
          </a>
        </li>
      </ul>
    </AuthColumn>
  );
}
