/**
 * The page shell every account form shares, so that they all behave alike: "Erreur" in the title
 * and an error summary when the form came back refused, a real form that works without JavaScript
 * (CSRF token, the redirect_to of the flow kept), and one submit button.
 */
import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";
import { AuthColumn, ErrorSummary, type FieldErrorKeys, PageTitle, type PasswordRules, withRedirect } from "./form-ui";
import { ButtonGroup } from "../../components/dsfr/button-group";

export function AuthFormPage({
  title,
  heading,
  lead,
  errors,
  labels,
  rules,
  alert,
  redirectTo,
  submitLabel,
  children,
  before,
  after,
}: {
  title: string;
  heading: string;
  lead?: string;
  /** Field errors, shown in the summary (each field shows its own). */
  errors: FieldErrorKeys | undefined;
  /** Field labels by field id, for the summary links. */
  labels: Record<string, string>;
  rules?: PasswordRules;
  /** An error about the whole form (wrong credentials, too many attempts); only given when there is one. */
  alert?: React.ReactNode;
  redirectTo: string | undefined;
  submitLabel: string;
  /** The fields, and hidden inputs of the page if any. */
  children: React.ReactNode;
  /** Above the form: another way in (FranceConnect). */
  before?: React.ReactNode;
  /** Below the form: links to the other account pages. */
  after?: React.ReactNode;
}) {
  return (
    <AuthColumn>
      <PageTitle title={title} error={Boolean(errors || alert)} />
      <h1>{heading}</h1>
      {lead ? <p>{lead}</p> : null}
      {before}
      <ErrorSummary errors={errors} labels={labels} rules={rules} />
      {alert}
      <Form method="post" noValidate>
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirect_to" value={redirectTo} /> : null}
        {children}
        <ButtonGroup>
          <button type="submit" className="fr-btn">
            {submitLabel}
          </button>
        </ButtonGroup>
      </Form>
      {after}
    </AuthColumn>
  );
}

/** What sign-in offers to those without an account, and sign-up to those with one. */
const OTHER_PAGE = {
  "/users/sign_up": { title: "auth.signIn.noAccountTitle", label: "auth.signIn.signUpLink" },
  "/users/sign_in": { title: "auth.signUp.haveAccountTitle", label: "auth.signUp.signInLink" },
} as const satisfies Record<string, { title: TranslationKey; label: TranslationKey }>;

/** Below sign-in and sign-up: the way to the other one, keeping the flow's redirect_to. */
export function OtherAccountPage({ path, redirectTo }: { path: keyof typeof OTHER_PAGE; redirectTo: string | undefined }) {
  const t = useT();
  return (
    <>
      <hr />
      <h2 className="fr-h5">{t(OTHER_PAGE[path].title)}</h2>
      <ButtonGroup>
        <a className="fr-btn fr-btn--secondary" href={withRedirect(path, redirectTo)}>
          {t(OTHER_PAGE[path].label)}
        </a>
      </ButtonGroup>
    </>
  );
}
