import { useT } from "../../lib/i18n";
import { AuthFormPage } from "./form-page";
import { AuthColumn, type FieldErrorKeys, NewPasswordField, PageTitle, type PasswordRules } from "./form-ui";

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
    <AuthFormPage
      title={t(`auth.${kind}.title`)}
      heading={t(`auth.${kind}.heading`)}
      lead={t(`auth.${kind}.lead`, { email })}
      errors={errors}
      labels={{ password: label }}
      rules={rules}
      redirectTo={redirectTo}
      submitLabel={t(`auth.${kind}.submit`)}
    >
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField label={label} rules={rules} error={errors?.password} />
    </AuthFormPage>
  );
}
