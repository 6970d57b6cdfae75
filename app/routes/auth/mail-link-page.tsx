/**
 * The pages of the forms that mail a link (see mail-link.server.ts): once sent, "check your
 * mailbox"; otherwise the form, with the e-mail typed, its errors or the rate-limit alert.
 */
import { useT } from "../../lib/i18n";
import { AuthFormPage } from "./form-page";
import { CheckMail, EmailField, type FieldErrorKeys, RateLimitAlert, withRedirect } from "./form-ui";

/** The action data of `mailLinkAction`, as the page receives it. */
export type MailLinkActionData =
  | { sent: true; email: string }
  | { values: { email: string }; errors: FieldErrorKeys }
  | { values: { email: string }; formError: "rate_limited"; retryAfterMinutes: number }
  | undefined;

/** The action data sorted out: the address the link went to, or what to show again with the form. */
export function mailLinkAnswer(actionData: MailLinkActionData) {
  if (actionData && "sent" in actionData) return { sentTo: actionData.email };
  return {
    sentTo: undefined,
    email: actionData?.values.email,
    errors: actionData && "errors" in actionData ? actionData.errors : undefined,
    rateLimitAlert:
      actionData && "formError" in actionData ? <RateLimitAlert retryAfterMinutes={actionData.retryAfterMinutes} /> : null,
  };
}

/** A page whose form has the e-mail field alone (a new confirmation link, a forgotten password). */
export function MailLinkPage({
  actionData,
  redirectTo,
  path,
  sentBody,
  defaultEmail = "",
  title,
  heading,
  lead,
  submitLabel,
  after,
}: {
  actionData: MailLinkActionData;
  redirectTo: string | undefined;
  /** This page's address, for "wrong address? try again" once sent. */
  path: string;
  sentBody: (email: string) => string;
  /** The address shown before the first post (the signed-in user's, say). */
  defaultEmail?: string;
  title: string;
  heading: string;
  lead: string;
  submitLabel: string;
  after?: React.ReactNode;
}) {
  const t = useT();
  const answer = mailLinkAnswer(actionData);
  if (answer.sentTo !== undefined) {
    return <CheckMail body={sentBody(answer.sentTo)} retryHref={withRedirect(path, redirectTo)} />;
  }
  return (
    <AuthFormPage
      title={title}
      heading={heading}
      lead={lead}
      errors={answer.errors}
      labels={{ email: t("auth.fields.email") }}
      alert={answer.rateLimitAlert}
      redirectTo={redirectTo}
      submitLabel={submitLabel}
      after={after}
    >
      <EmailField defaultValue={answer.email ?? defaultEmail} error={answer.errors?.email} />
    </AuthFormPage>
  );
}
