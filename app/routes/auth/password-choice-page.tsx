import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { AuthColumn, ErrorSummary, type FieldErrorKeys, InputField, PageTitle, type PasswordRules } from "./form-ui";

type LoaderData =
  | { valid: false; reason: "invalid" | "expired" | "used" }
  | { valid: true; token: string; email: string; rules: PasswordRules; redirectTo: string | undefined };
type ActionData = { errors: FieldErrorKeys } | { tokenError: "invalid" | "expired" | "used" } | undefined;

/** The page of a password-reset or invitation link: a new password form, or why the link is dead. */
export function PasswordChoicePage({
  kind,
  loaderData,
  actionData,
}: {
  kind: "passwordEdit" | "invitation";
  loaderData: LoaderData;
  actionData: ActionData;
}) {
  const t = useT();
  const deadReason = !loaderData.valid
    ? loaderData.reason
    : actionData && "tokenError" in actionData
      ? actionData.tokenError
      : null;
  if (deadReason || !loaderData.valid) {
    return (
      <AuthColumn>
        <PageTitle title={t(`auth.${kind}.invalidTitle`)} />
        <h1>{t(`auth.${kind}.invalidTitle`)}</h1>
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <p>{t(`auth.${kind}.${deadReason ?? "invalid"}`)}</p>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a className="fr-btn" href="/users/password/new">
              {t(`auth.${kind}.requestNew`)}
            </a>
          </li>
          {kind === "invitation" ? (
            <li>
              <a className="fr-btn fr-btn--secondary" href="/users/sign_in">
                {t("auth.invitation.signInLink")}
              </a>
            </li>
          ) : null}
        </ul>
      </AuthColumn>
    );
  }
  const { token, email, rules, redirectTo } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const label = kind === "invitation" ? t("auth.fields.newPassword") : t("auth.fields.newPasswordChoice");
  return (
    <AuthColumn>
      <PageTitle title={t(`auth.${kind}.title`)} error={Boolean(errors)} />
      <h1>{t(`auth.${kind}.heading`)}</h1>
      <p>{t(`auth.${kind}.lead`, { email })}</p>
      <ErrorSummary errors={errors} labels={{ password: label }} rules={rules} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        {redirectTo ? <input type="hidden" name="redirect_to" value={redirectTo} /> : null}
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <InputField
          id="password"
          label={label}
          hint={t("auth.fields.passwordRules", rules)}
          type="password"
          autoComplete="new-password"
          error={errors?.password}
          rules={rules}
        />
        <ul className="fr-btns-group">
          <li>
            <button type="submit" className="fr-btn">
              {t(`auth.${kind}.submit`)}
            </button>
          </li>
        </ul>
      </Form>
    </AuthColumn>
  );
}
