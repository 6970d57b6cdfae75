/**
 * The DSFR FranceConnect button (« S'identifier avec FranceConnect ») and its « Qu'est-ce que
 * FranceConnect ? » link. A plain GET form: the sign-in starts with a full navigation to the
 * provider, with or without JavaScript; redirect_to is kept for after the sign-in.
 */
import { useT } from "../lib/i18n";

export function FranceConnectButton({ redirectTo }: { redirectTo?: string }) {
  const t = useT();
  return (
    <div className="fr-connect-group">
      <form method="get" action="/france_connect/particulier">
        {redirectTo ? <input type="hidden" name="redirect_to" value={redirectTo} /> : null}
        <button type="submit" className="fr-connect">
          <span className="fr-connect__login">{t("auth.franceConnect.login")}</span>{" "}
          <span className="fr-connect__brand">{t("auth.franceConnect.brand")}</span>
        </button>
      </form>
      <p>
        <a href="https://franceconnect.gouv.fr/" target="_blank" rel="noopener" title={t("auth.franceConnect.whatTitle")}>
          {t("auth.franceConnect.what")}
        </a>
      </p>
    </div>
  );
}

/** Above the e-mail form of sign-in and sign-up, when FranceConnect is configured. */
export function FranceConnectSection({ redirectTo }: { redirectTo?: string }) {
  const t = useT();
  return (
    <>
      <h2 className="fr-h5">{t("auth.franceConnect.heading")}</h2>
      <p className="fr-text--sm">{t("auth.franceConnect.lead")}</p>
      <FranceConnectButton redirectTo={redirectTo} />
      <p className="fr-hr-or">{t("auth.franceConnect.or")}</p>
    </>
  );
}
