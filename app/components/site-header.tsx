import { useLocation } from "react-router";
import { useRootData, useT } from "../lib/i18n";
import { CsrfInput } from "./csrf-input";

/**
 * DSFR header, written as plain DSFR markup (not react-dsfr's <Header>) so that the mobile menu
 * dialog carries role="dialog" before any script runs: pages without JavaScript stay valid. Account
 * actions are links and small POST forms (sign-out, language), and the profile links switch between
 * the user's roles as the reference does. DSFR's script copies the tool links into the mobile menu.
 */
export function SiteHeader() {
  const data = useRootData();
  const t = useT();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const user = data?.user;
  const otherLocale = data?.locale === "en" ? "fr" : "en";

  const link = (href: string, icon: string, text: string) => (
    <li key={href}>
      <a className={`fr-btn ${icon}`} href={href}>
        {text}
      </a>
    </li>
  );
  const items: React.JSX.Element[] = [];
  if (user) {
    items.push(link("/dossiers", "fr-icon-file-text-line", t("common.nav.mesDossiers")));
    if (user.instructeur) items.push(link("/procedures", "fr-icon-team-line", t("common.nav.instructeur")));
    if (user.administrateur) items.push(link("/admin/procedures", "fr-icon-settings-5-line", t("common.nav.administrateur")));
    items.push(link("/profil", "fr-icon-account-line", t("auth.nav.myAccount")));
    items.push(
      <li key="sign-out">
        <form method="post" action="/users/sign_out" className="guichet-inline-form">
          <CsrfInput />
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line" title={`${t("common.nav.signOut")} (${user.email})`}>
            {t("common.nav.signOut")}
          </button>
        </form>
      </li>,
    );
  } else {
    items.push(link("/users/sign_in", "fr-icon-account-circle-line", t("common.nav.signIn")));
    items.push(link("/users/sign_up", "fr-icon-add-circle-line", t("common.nav.signUp")));
  }
  items.push(
    <li key="language">
      <form method="post" action="/langue" className="guichet-inline-form">
        <CsrfInput />
        <input type="hidden" name="locale" value={otherLocale} />
        <input type="hidden" name="redirect_to" value={here} />
        <button type="submit" className="fr-btn fr-icon-translate-2" lang={otherLocale}>
          {t("common.nav.otherLanguage")}
        </button>
      </form>
    </li>,
  );
  if (data?.mailboxEnabled) items.push(link("/mailbox", "fr-icon-mail-line", t("common.nav.mailbox")));

  return (
    <header className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand fr-enlarge-link">
              <div className="fr-header__brand-top">
                <div className="fr-header__logo">
                  <p className="fr-logo">
                    République
                    <br />
                    Française
                  </p>
                </div>
                <div className="fr-header__navbar">
                  <button
                    type="button"
                    className="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="header-menu-modal"
                    id="header-menu-button"
                    title={t("common.nav.menu")}
                  >
                    {t("common.nav.menu")}
                  </button>
                </div>
              </div>
              <div className="fr-header__service">
                <a href="/" title={t("common.homeTitle")}>
                  <p className="fr-header__service-title">Guichet</p>
                </a>
                <p className="fr-header__service-tagline">{t("common.tagline")}</p>
              </div>
            </div>
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <ul className="fr-btns-group">{items}</ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-header__menu fr-modal" id="header-menu-modal" role="dialog" aria-labelledby="header-menu-button">
        <div className="fr-container">
          <button
            type="button"
            className="fr-btn--close fr-btn"
            aria-controls="header-menu-modal"
            title={t("common.nav.closeMenu")}
          >
            {t("common.nav.closeMenu")}
          </button>
          <div className="fr-header__menu-links" />
        </div>
      </div>
    </header>
  );
}
