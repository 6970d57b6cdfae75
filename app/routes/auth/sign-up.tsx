import { signUp } from "../../../server/operations/accounts/sign-up";
import { useT } from "../../lib/i18n";
import { formString } from "../../lib/request.server";
import { AuthFormPage, OtherAccountPage } from "./form-page";
import { CheckMail, CredentialsFieldset, NewPasswordField, withRedirect } from "./form-ui";
import { mailLinkAction } from "./mail-link.server";
import { mailLinkAnswer } from "./mail-link-page";
import { FranceConnectSection } from "../../components/france-connect-button";
import { authHeaders, franceConnectEnabled, PASSWORD_RULES, redirectIfSignedIn, redirectToParam } from "./session.server";
import type { Route } from "./+types/sign-up";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  redirectIfSignedIn(context, request);
  return { redirectTo: redirectToParam(request), rules: PASSWORD_RULES, franceConnect: franceConnectEnabled(context) };
}

export async function action({ request, context }: Route.ActionArgs) {
  return mailLinkAction(request, context, (db, input, form) => signUp(db, { ...input, password: formString(form, "password") }));
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { redirectTo, rules } = loaderData;
  const answer = mailLinkAnswer(actionData);
  if (answer.sentTo !== undefined) {
    return (
      <CheckMail
        body={t("auth.checkMail.signUpBody", { email: answer.sentTo })}
        resendHref={withRedirect("/users/confirmation/new", redirectTo)}
        retryHref={withRedirect("/users/sign_up", redirectTo)}
      />
    );
  }
  const { errors } = answer;
  return (
    <AuthFormPage
      title={t("auth.signUp.title")}
      heading={t("auth.signUp.heading")}
      lead={t("auth.signUp.lead")}
      errors={errors}
      labels={{ email: t("auth.fields.email"), password: t("auth.fields.newPassword") }}
      rules={rules}
      alert={answer.rateLimitAlert}
      redirectTo={redirectTo}
      before={loaderData.franceConnect ? <FranceConnectSection redirectTo={redirectTo} /> : null}
      submitLabel={t("auth.signUp.submit")}
      after={<OtherAccountPage path="/users/sign_in" redirectTo={redirectTo} />}
    >
      <CredentialsFieldset
        email={answer.email ?? ""}
        emailError={errors?.email}
        password={<NewPasswordField label={t("auth.fields.newPassword")} rules={rules} error={errors?.password} />}
      />
    </AuthFormPage>
  );
}
