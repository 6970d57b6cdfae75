import { resendConfirmation } from "../../../server/operations/accounts/resend-confirmation";
import { useT } from "../../lib/i18n";
import { mailLinkAction } from "./mail-link.server";
import { MailLinkPage } from "./mail-link-page";
import { authHeaders, redirectToParam } from "./session.server";
import type { Route } from "./+types/confirmation-new";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request }: Route.LoaderArgs) {
  return { redirectTo: redirectToParam(request) };
}

export async function action({ request, context }: Route.ActionArgs) {
  return mailLinkAction(request, context, resendConfirmation);
}

export default function ConfirmationNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <MailLinkPage
      actionData={actionData}
      redirectTo={loaderData.redirectTo}
      path="/users/confirmation/new"
      sentBody={(email) => t("auth.checkMail.resendBody", { email })}
      title={t("auth.resendConfirmation.title")}
      heading={t("auth.resendConfirmation.heading")}
      lead={t("auth.resendConfirmation.lead")}
      submitLabel={t("auth.resendConfirmation.submit")}
    />
  );
}
