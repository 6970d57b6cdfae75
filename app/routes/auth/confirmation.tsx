import { data } from "react-router";
import { confirmEmail } from "../../../server/operations/accounts/confirm-email";
import { claimRememberedPrefill } from "../../lib/prefill-cookie.server";
import { setFlash } from "../../lib/flash.server";
import { useT } from "../../lib/i18n";
import { requestState, services } from "../../lib/request.server";
import { AuthColumn, PageTitle, withRedirect } from "./form-ui";
import { authHeaders, redirectToParam, signedInRedirect, userAgentOf } from "./session.server";
import type { Route } from "./+types/confirmation";
import { ButtonGroup } from "../../components/dsfr/button-group";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

/** The link of the confirmation mail: confirms the address, signs in, goes on to redirect_to or home. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = redirectToParam(request);
  const result = await confirmEmail(services(context).db, {
    token: url.searchParams.get("token"),
    userAgent: userAgentOf(request),
    previousSessionIdHash: requestState(context).sessionIdHash,
  });
  if (result.ok) {
    const prefilled = await claimRememberedPrefill(context, request, result.userId);
    setFlash(context, "email_confirmed");
    return signedInRedirect(context, result, redirectTo, prefilled ?? "/");
  }
  const reason = result.refusals[0]?.code ?? "invalid";
  return data({ reason, redirectTo }, { status: reason === "invalid" ? 404 : 410 });
}

export default function Confirmation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { reason, redirectTo } = loaderData;
  return (
    <AuthColumn>
      <PageTitle title={t("auth.confirmation.invalidTitle")} />
      <h1>{t("auth.confirmation.invalidTitle")}</h1>
      <div className="fr-alert fr-alert--warning fr-mb-4w">
        <p>{t(`auth.confirmation.${reason}`)}</p>
      </div>
      <ButtonGroup inline="md">
        <a className="fr-btn" href={withRedirect("/users/confirmation/new", redirectTo)}>
          {t("auth.confirmation.resendLink")}
        </a>
        <a className="fr-btn fr-btn--secondary" href={withRedirect("/users/sign_in", redirectTo)}>
          {t("auth.confirmation.signInLink")}
        </a>
      </ButtonGroup>
    </AuthColumn>
  );
}
