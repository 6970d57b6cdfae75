/** The page of a FranceConnect sign-in that did not succeed: what happened, nothing was created, what to do. */
import type { FranceConnectFailure } from "../../../server/operations/accounts/france-connect-callback";
import { FranceConnectButton } from "../../components/france-connect-button";
import { useT } from "../../lib/i18n";
import { AuthColumn, PageTitle, withRedirect } from "./form-ui";

export type FranceConnectErrorReason = FranceConnectFailure | "unavailable";

export function FranceConnectErrorPage({ reason, redirectTo }: { reason: FranceConnectErrorReason; redirectTo?: string }) {
  const t = useT();
  return (
    <AuthColumn>
      <PageTitle title={t("auth.franceConnect.error.title")} error />
      <h1>{t("auth.franceConnect.error.title")}</h1>
      <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" id="france-connect-error">
        <p>{t(`auth.franceConnect.error.${reason}`)}</p>
      </div>
      {reason !== "missing_email" ? <FranceConnectButton redirectTo={redirectTo} /> : null}
      <p>
        <a className="fr-link" href={withRedirect("/users/sign_in", redirectTo)}>
          {t("auth.franceConnect.error.emailSignIn")}
        </a>
      </p>
    </AuthColumn>
  );
}
