import { data, Form } from "react-router";
import { requestPasswordReset } from "../../../server/operations/accounts/request-password-reset";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { AuthColumn, CheckMail, ErrorSummary, InputField, PageTitle, RateLimitAlert, withRedirect } from "./form-ui";
import { authHeaders, redirectToParam, tooManyRequests } from "./session.server";
import type { Route } from "./+types/password-new";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  return { redirectTo: redirectToParam(request), email: requestState(context).user?.email ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const state = requestState(context);
  const values = { email: formString(form, "email") };
  const result = await requestPasswordReset(services(context).db, {
    email: values.email,
    locale: state.locale,
    ip: state.clientIp,
    redirectTo: formString(form, "redirect_to"),
  });
  if (result.ok) return { sent: true as const, email: result.email };
  if (result.reason === "rate_limited") return tooManyRequests({ values }, result.retryAfterSeconds);
  return data({ values, errors: result.errors }, { status: 400 });
}

export default function PasswordNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { redirectTo } = loaderData;
  if (actionData && "sent" in actionData) {
    return (
      <CheckMail
        body={t("auth.checkMail.resetBody", { email: actionData.email })}
        retryHref={withRedirect("/users/password/new", redirectTo)}
      />
    );
  }
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const rateLimited = actionData && "formError" in actionData ? actionData : undefined;
  const labels = { email: t("auth.fields.email") };
  return (
    <AuthColumn>
      <PageTitle title={t("auth.passwordNew.title")} error={Boolean(errors || rateLimited)} />
      <h1>{t("auth.passwordNew.heading")}</h1>
      <p>{t("auth.passwordNew.lead")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      {rateLimited ? <RateLimitAlert retryAfterMinutes={rateLimited.retryAfterMinutes} /> : null}
      <Form method="post" noValidate>
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirect_to" value={redirectTo} /> : null}
        <InputField
          id="email"
          label={labels.email}
          hint={t("auth.fields.emailHint")}
          type="email"
          autoComplete="email"
          defaultValue={actionData?.values.email ?? loaderData.email}
          error={errors?.email}
        />
        <ul className="fr-btns-group">
          <li>
            <button type="submit" className="fr-btn">
              {t("auth.passwordNew.submit")}
            </button>
          </li>
        </ul>
      </Form>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={withRedirect("/users/sign_in", redirectTo)}>
          {t("auth.passwordNew.backToSignIn")}
        </a>
      </p>
    </AuthColumn>
  );
}
