import { data } from "react-router";
import { retryAfterSecondsOf } from "../../../server/refusal";
import { signIn } from "../../../server/operations/accounts/sign-in";
import { claimRememberedPrefill } from "../../lib/prefill-cookie.server";
import { useT } from "../../lib/i18n";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { AuthFormPage, OtherAccountPage } from "./form-page";
import { CredentialsFieldset, FormAlert, type FormError, InputField, RateLimitAlert, withRedirect } from "./form-ui";
import { FranceConnectSection } from "../../components/france-connect-button";
import {
  fieldErrorKeys,
  authHeaders,
  franceConnectEnabled,
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
  return { redirectTo: redirectToParam(request), franceConnect: franceConnectEnabled(context) };
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
  const wait = retryAfterSecondsOf(result.refusals);
  if (wait !== null) return tooManyRequests({ values }, wait);
  const code = result.refusals[0]?.code;
  if (code === "unconfirmed" || code === "invalid_credentials") return data({ values, formError: code }, { status: 400 });
  return data({ values, errors: fieldErrorKeys(result.refusals) }, { status: 400 });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const redirectTo = loaderData.redirectTo;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  const retryAfterMinutes = actionData && "retryAfterMinutes" in actionData ? actionData.retryAfterMinutes : undefined;
  return (
    <AuthFormPage
      title={t("auth.signIn.title")}
      heading={t("auth.signIn.heading")}
      errors={errors}
      labels={{ email: t("auth.fields.email"), password: t("auth.fields.password") }}
      alert={
        formError ? <SignInAlert formError={formError} retryAfterMinutes={retryAfterMinutes} redirectTo={redirectTo} /> : null
      }
      redirectTo={redirectTo}
      before={loaderData.franceConnect ? <FranceConnectSection redirectTo={redirectTo} /> : null}
      submitLabel={t("auth.signIn.submit")}
      after={<OtherAccountPage path="/users/sign_up" redirectTo={redirectTo} />}
    >
      <CredentialsFieldset
        email={actionData?.values.email ?? ""}
        emailError={errors?.email}
        password={
          <>
            <InputField
              id="password"
              label={t("auth.fields.password")}
              type="password"
              autoComplete="current-password"
              error={errors?.password}
            />
            <p className="fr-mt-1w">
              <a className="fr-link" href={withRedirect("/users/password/new", redirectTo)}>
                {t("auth.signIn.forgotPassword")}
              </a>
            </p>
          </>
        }
      />
    </AuthFormPage>
  );
}

/** The error about the whole form, for a `formError` of the action. */
function SignInAlert({
  formError,
  retryAfterMinutes,
  redirectTo,
}: {
  formError: FormError;
  retryAfterMinutes: number | undefined;
  redirectTo: string | undefined;
}) {
  const t = useT();
  switch (formError) {
    case "invalid_credentials":
      return (
        <FormAlert>
          <p>{t("auth.errors.invalidCredentials")}</p>
        </FormAlert>
      );
    case "unconfirmed":
      return (
        <FormAlert>
          <p>{t("auth.errors.unconfirmed")}</p>
          <p>
            <a href={withRedirect("/users/confirmation/new", redirectTo)}>{t("auth.errors.unconfirmedResend")}</a>
          </p>
        </FormAlert>
      );
    case "rate_limited":
      return <RateLimitAlert retryAfterMinutes={retryAfterMinutes} />;
  }
}
