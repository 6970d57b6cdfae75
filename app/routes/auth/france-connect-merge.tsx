/**
 * /france_connect/particulier/merge/:token: FranceConnect gave an e-mail that already has an account.
 * Before the identity is linked, the account must be proven: its password, or a link mailed to it
 * (as the reference). The token (15 minutes) came from the callback; an unknown or expired one
 * shows « lien plus valable ».
 */
import { data, Form } from "react-router";
import { findPendingMerge } from "../../../server/lookups/france-connect-merge";
import { mergeFranceConnectWithPassword } from "../../../server/operations/accounts/merge-france-connect-with-password";
import { sendFranceConnectMergeEmail } from "../../../server/operations/accounts/send-france-connect-merge-email";
import { ButtonGroup } from "../../components/dsfr/button-group";
import { CsrfInput } from "../../components/csrf-input";
import { setFlash } from "../../lib/flash.server";
import { useT } from "../../lib/i18n";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { AuthColumn, CheckMail, FormAlert, InputField, PageTitle, RateLimitAlert, withRedirect } from "./form-ui";
import { retryAfterSecondsOf } from "../../../server/refusal";
import { authHeaders, redirectToParam, signedInRedirect, tooManyRequests, userAgentOf } from "./session.server";
import type { Route } from "./+types/france-connect-merge";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const pending = await findPendingMerge(services(context).db, "merge", params.token);
  const redirectTo = redirectToParam(request);
  if (!pending) return data({ valid: false as const, redirectTo }, { status: 410 });
  return {
    valid: true as const,
    redirectTo,
    email: pending.email,
    name: `${pending.givenName} ${pending.familyName}`,
    hasPassword: pending.hasPassword,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const state = requestState(context);
  const { db } = services(context);
  if (formString(form, "intent") === "email") {
    const result = await sendFranceConnectMergeEmail(db, { mergeToken: params.token, locale: state.locale, ip: state.clientIp });
    if (result.ok) return { sent: result.email };
    const wait = retryAfterSecondsOf(result.refusals);
    if (wait !== null) return tooManyRequests({}, wait);
    return data({ formError: "invalid_token" as const }, { status: 410 });
  }
  const result = await mergeFranceConnectWithPassword(db, {
    mergeToken: params.token,
    password: formString(form, "password"),
    ip: state.clientIp,
    userAgent: userAgentOf(request),
    previousSessionIdHash: state.sessionIdHash,
  });
  if (result.ok) {
    setFlash(context, "france_connect_linked");
    return signedInRedirect(context, result, formString(form, "redirect_to"));
  }
  const wait = retryAfterSecondsOf(result.refusals);
  if (wait !== null) return tooManyRequests({}, wait);
  const code = result.refusals[0]?.code;
  if (code === "invalid_token") return data({ formError: code }, { status: 410 });
  return data({ formError: code === "invalid_credentials" ? code : ("password_required" as const) }, { status: 400 });
}

export default function FranceConnectMerge({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  if (!loaderData.valid || formError === "invalid_token") {
    return (
      <AuthColumn>
        <PageTitle title={t("auth.franceConnect.merge.invalidTitle")} />
        <h1>{t("auth.franceConnect.merge.invalidTitle")}</h1>
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <p>{t("auth.franceConnect.merge.invalid")}</p>
        </div>
        <ButtonGroup inline="md">
          <a className="fr-btn" href={withRedirect("/users/sign_in", loaderData.redirectTo)}>
            {t("auth.confirmation.signInLink")}
          </a>
        </ButtonGroup>
      </AuthColumn>
    );
  }
  if (actionData && "sent" in actionData && actionData.sent) {
    return <CheckMail body={t("auth.franceConnect.merge.sent", { email: actionData.sent })} />;
  }
  const passwordError = formError === "password_required" ? ("auth.errors.passwordRequired" as const) : undefined;
  const retryAfterMinutes = actionData && "retryAfterMinutes" in actionData ? actionData.retryAfterMinutes : undefined;
  return (
    <AuthColumn>
      <PageTitle title={t("auth.franceConnect.merge.title")} error={Boolean(formError)} />
      <h1>{t("auth.franceConnect.merge.title")}</h1>
      <p>{t("auth.franceConnect.merge.lead", { email: loaderData.email, name: loaderData.name })}</p>
      {formError === "invalid_credentials" ? (
        <FormAlert>
          <p>{t("auth.franceConnect.merge.invalidCredentials")}</p>
        </FormAlert>
      ) : null}
      {formError === "password_required" ? (
        <FormAlert title={t("auth.errors.summaryTitle")}>
          <p>
            <a href="#password">{t("auth.errors.passwordRequired")}</a>
          </p>
        </FormAlert>
      ) : null}
      {formError === "rate_limited" ? <RateLimitAlert retryAfterMinutes={retryAfterMinutes} /> : null}
      {loaderData.hasPassword ? (
        <>
          <h2 className="fr-h5">{t("auth.franceConnect.merge.passwordHeading")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="password" />
            {loaderData.redirectTo ? <input type="hidden" name="redirect_to" value={loaderData.redirectTo} /> : null}
            <InputField
              id="password"
              label={t("auth.fields.password")}
              type="password"
              autoComplete="current-password"
              error={passwordError}
            />
            <ButtonGroup>
              <button type="submit" className="fr-btn">
                {t("auth.franceConnect.merge.submit")}
              </button>
            </ButtonGroup>
          </Form>
        </>
      ) : (
        <p>{t("auth.franceConnect.merge.noPassword")}</p>
      )}
      <h2 className="fr-h5">{t("auth.franceConnect.merge.emailHeading")}</h2>
      <p>{t("auth.franceConnect.merge.emailLead", { email: loaderData.email })}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="email" />
        <ButtonGroup>
          <button type="submit" className="fr-btn fr-btn--secondary">
            {t("auth.franceConnect.merge.emailSubmit")}
          </button>
        </ButtonGroup>
      </Form>
    </AuthColumn>
  );
}
