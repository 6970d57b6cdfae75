import { useLocation } from "react-router";
import { useRootData, useT } from "../lib/i18n";
import { CsrfInput } from "./csrf-input";

/**
 * DSFR header, written as plain DSFR markup (not react-dsfr's <Header>) so that the mobile menu
 * dialog carries role="dialog" before any script runs: pages without JavaScript stay valid. The
 * user's spaces (dossiers, instructeur, expert, administrateur) are the main navigation, under the brand;
 * account actions are tool links and small POST forms (sign-out, language) beside it — all in the
 * tool row, seven buttons overflowed a 1280 px screen. DSFR's script copies the tool links into the
 * mobile menu, where the navigation already is.
 */
export function SiteHeader() {
  const data = useRootData();
  const t = useT();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const user = data?.user;
  const otherLocale = data?.locale === "en" ? "fr" : "en";
  // The reference's header search (`/recherche`): instructeurs search their démarches, experts open an avis by number.
  const searches = Boolean(user?.instructeur || user?.expert);

  const link = (href: string, icon: string, text: string) => (
    <li key={href}>
      <a className={`fr-btn ${icon}`} href={href}>
        {text}
      </a>
    </li>
  );
  const spaces: Array<{ href: string; text: string }> = [];
  const items: React.JSX.Element[] = [];
  if (user) {
    spaces.push({ href: "/dossiers", text: t("common.nav.mesDossiers") });
    if (user.instructeur) spaces.push({ href: "/procedures", text: t("common.nav.instructeur") });
    if (user.expert) spaces.push({ href: "/avis", text: t("common.nav.expert") });
    if (user.administrateur) spaces.push({ href: "/admin/procedures", text: t("common.nav.administrateur") });
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
                  {searches ? (
                    <button
                      type="button"
                      className="fr-btn--search fr-btn"
                      data-fr-opened="false"
                      aria-controls="header-search"
                      id="header-search-button"
                      title={t("common.nav.search")}
                    >
                      {t("common.nav.search")}
                    </button>
                  ) : null}
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
              {searches ? (
                <div
                  className="fr-header__search fr-modal"
                  id="header-search"
                  role="dialog"
                  aria-labelledby="header-search-button"
                >
                  <div className="fr-container fr-container-lg--fluid">
                    <button
                      type="button"
                      className="fr-btn--close fr-btn"
                      aria-controls="header-search"
                      title={t("common.nav.closeMenu")}
                    >
                      {t("common.nav.closeMenu")}
                    </button>
                    <form method="get" action="/recherche" className="fr-search-bar" id="header-search-bar">
                      <label className="fr-label" htmlFor="header-search-input">
                        {t("common.nav.search")}
                      </label>
                      <input
                        className="fr-input"
                        placeholder={t("common.nav.searchPlaceholder")}
                        type="search"
                        id="header-search-input"
                        name="q"
                        maxLength={200}
                      />
                      <button type="submit" className="fr-btn" title={t("common.nav.searchSubmit")}>
                        {t("common.nav.searchSubmit")}
                      </button>
                    </form>
                  </div>
                </div>
              ) : null}
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
          {spaces.length > 0 ? (
            <nav className="fr-nav" aria-label={t("common.nav.spaces")}>
              <ul className="fr-nav__list">
                {spaces.map((space) => (
                  <li key={space.href} className="fr-nav__item">
                    <a className="fr-nav__link" href={space.href} aria-current={currentOf(location.pathname, space.href)}>
                      {space.text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </header>
  );
}

/** The space a page belongs to: /dossiers/12 is in « Mes dossiers », /procedures/3 in « Instructeur ». */
function currentOf(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  return pathname.startsWith(`${href}/`) ? "true" : undefined;
}
