/**
 * GET /france_connect/particulier/merge_with_existing_account?email_merge_token=…: the link of the
 * merge e-mail. Links the FranceConnect identity to the account of that address and signs in (as
 * the confirmation link does); an unknown, expired or used link says so.
 */
import { data } from "react-router";
import { mergeFranceConnectWithEmail } from "../../../server/operations/accounts/merge-france-connect-with-email";
import { ButtonGroup } from "../../components/dsfr/button-group";
import { setFlash } from "../../lib/flash.server";
import { useT } from "../../lib/i18n";
import { requestState, services } from "../../lib/request.server";
import { AuthColumn, PageTitle } from "./form-ui";
import { authHeaders, signedInRedirect, userAgentOf } from "./session.server";
import type { Route } from "./+types/france-connect-merge-email";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  const result = await mergeFranceConnectWithEmail(services(context).db, {
    token: new URL(request.url).searchParams.get("email_merge_token"),
    userAgent: userAgentOf(request),
    previousSessionIdHash: requestState(context).sessionIdHash,
  });
  if (!result.ok) return data({ reason: result.refusals[0]?.code ?? "invalid_token" }, { status: 410 });
  setFlash(context, "france_connect_linked");
  return signedInRedirect(context, result, undefined);
}

export default function FranceConnectMergeEmail() {
  const t = useT();
  return (
    <AuthColumn>
      <PageTitle title={t("auth.franceConnect.merge.invalidTitle")} />
      <h1>{t("auth.franceConnect.merge.invalidTitle")}</h1>
      <div className="fr-alert fr-alert--warning fr-mb-4w">
        <p>{t("auth.franceConnect.merge.invalid")}</p>
      </div>
      <ButtonGroup inline="md">
        <a className="fr-btn" href="/users/sign_in">
          {t("auth.confirmation.signInLink")}
        </a>
      </ButtonGroup>
    </AuthColumn>
  );
}
