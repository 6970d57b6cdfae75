import { requestPasswordReset } from "../../../server/operations/accounts/request-password-reset";
import { useT } from "../../lib/i18n";
import { requestState } from "../../lib/request.server";
import { withRedirect } from "./form-ui";
import { mailLinkAction } from "./mail-link.server";
import { MailLinkPage } from "./mail-link-page";
import { authHeaders, redirectToParam } from "./session.server";
import type { Route } from "./+types/password-new";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  return { redirectTo: redirectToParam(request), email: requestState(context).user?.email ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  return mailLinkAction(request, context, requestPasswordReset);
}

export default function PasswordNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { redirectTo } = loaderData;
  return (
    <MailLinkPage
      actionData={actionData}
      redirectTo={redirectTo}
      path="/users/password/new"
      sentBody={(email) => t("auth.checkMail.resetBody", { email })}
      defaultEmail={loaderData.email}
      title={t("auth.passwordNew.title")}
      heading={t("auth.passwordNew.heading")}
      lead={t("auth.passwordNew.lead")}
      submitLabel={t("auth.passwordNew.submit")}
      after={
        <p>
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={withRedirect("/users/sign_in", redirectTo)}>
            {t("auth.passwordNew.backToSignIn")}
          </a>
        </p>
      }
    />
  );
}
