/**
 * Building blocks of the account forms, in plain DSFR markup: every input has a label, its hint
 * inside the label, its error next to it (linked by aria-describedby) and in a summary at the top.
 */
import type { TranslationKey } from "../../../common/i18n";
import { useT, useTn } from "../../lib/i18n";

export type FieldErrorKeys = Partial<Record<string, TranslationKey>>;
export type FormError = "invalid_credentials" | "unconfirmed" | "rate_limited";

export type PasswordRules = { min: number; max: number };

/** The page title; "Erreur" first when the form came back with errors (announced on load). */
export function PageTitle({ title, error = false }: { title: string; error?: boolean }) {
  const t = useT();
  const text = `${error ? `${t("auth.errorTitlePrefix")} – ` : ""}${title} – ${t("auth.titleSuffix")}`;
  return <title>{text}</title>;
}

/** Field errors, as links to the fields, at the top of the form. */
export function ErrorSummary({
  errors,
  labels,
  rules,
}: {
  errors: FieldErrorKeys | undefined;
  labels: Record<string, string>;
  rules?: PasswordRules;
}) {
  const t = useT();
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, TranslationKey] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" id="error-summary">
      <h2 className="fr-alert__title">{t("auth.errors.summaryTitle")}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ? `${labels[field]} : ` : ""}
              {t(key, { ...rules })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An error about the whole form (wrong credentials, too many attempts), with optional extra content. */
export function FormAlert({ title, children }: { title?: string; children: React.ReactNode }) {
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" id="error-summary">
      {title ? <h2 className="fr-alert__title">{title}</h2> : null}
      {children}
    </div>
  );
}

export function RateLimitAlert({ retryAfterMinutes }: { retryAfterMinutes?: number }) {
  const t = useT();
  const tn = useTn();
  return (
    <FormAlert title={t("common.errors.tooManyRequests.title")}>
      <p>{t("common.errors.tooManyRequests.body")}</p>
      {retryAfterMinutes ? <p>{tn("auth.errors.retryIn", retryAfterMinutes)}</p> : null}
    </FormAlert>
  );
}

export function InputField({
  id,
  label,
  hint,
  error,
  type,
  autoComplete,
  defaultValue,
  rules,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: TranslationKey;
  type: "email" | "password";
  autoComplete: "email" | "username" | "current-password" | "new-password";
  defaultValue?: string;
  rules?: PasswordRules;
}) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <input
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
      {error ? (
        <p id={errorId} className="fr-error-text">
          {t(error, { ...rules })}
        </p>
      ) : null}
    </div>
  );
}

/** The e-mail field of every account form (its label is `auth.fields.email` in the error summary). */
export function EmailField({ defaultValue, error }: { defaultValue: string; error?: TranslationKey }) {
  const t = useT();
  return (
    <InputField
      id="email"
      label={t("auth.fields.email")}
      hint={t("auth.fields.emailHint")}
      type="email"
      autoComplete="email"
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/** A password being chosen, with the length rules as hint and in its error message. */
export function NewPasswordField({ label, rules, error }: { label: string; rules: PasswordRules; error?: TranslationKey }) {
  const t = useT();
  return (
    <InputField
      id="password"
      label={label}
      hint={t("auth.fields.passwordRules", rules)}
      type="password"
      autoComplete="new-password"
      error={error}
      rules={rules}
    />
  );
}

/** E-mail then password (given as `password`, with what goes with it), all said to be required. */
export function CredentialsFieldset({
  email,
  emailError,
  password,
}: {
  email: string;
  emailError?: TranslationKey;
  password: React.ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">
        <span className="fr-hint-text">{t("auth.allFieldsRequired")}</span>
      </legend>
      <div className="fr-fieldset__element">
        <EmailField defaultValue={email} error={emailError} />
      </div>
      <div className="fr-fieldset__element">{password}</div>
    </fieldset>
  );
}

/** A link that keeps the redirect_to of the flow. */
export function withRedirect(path: string, redirectTo: string | undefined): string {
  return redirectTo ? `${path}?${new URLSearchParams({ redirect_to: redirectTo })}` : path;
}

/** The "check your mailbox" answer of every form that sends a link. */
export function CheckMail({ body, resendHref, retryHref }: { body: string; resendHref?: string; retryHref?: string }) {
  const t = useT();
  return (
    <>
      <PageTitle title={t("auth.checkMail.title")} />
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t("auth.checkMail.title")}</h1>
          <div className="fr-alert fr-alert--info fr-mb-4w" role="status">
            <p>{body}</p>
          </div>
          <p>{t("auth.checkMail.notReceived")}</p>
          <ul className="fr-links-group">
            {resendHref ? (
              <li>
                <a className="fr-link" href={resendHref}>
                  {t("auth.checkMail.resendLink")}
                </a>
              </li>
            ) : null}
            {retryHref ? (
              <li>
                <a className="fr-link" href={retryHref}>
                  {t("auth.checkMail.wrongAddress")}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </>
  );
}

/** The centred column every account page uses. */
export function AuthColumn({ children }: { children: React.ReactNode }) {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">{children}</div>
    </div>
  );
}
