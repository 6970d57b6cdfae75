import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { useLocation } from "react-router";
import { useRootData, useT } from "../lib/i18n";
import { CsrfInput } from "./csrf-input";

/**
 * DSFR header. Account actions are links and small POST forms (sign-out, language) so that they work
 * without JavaScript; the profile links switch between the user's roles as the reference does.
 */
export function SiteHeader() {
  const data = useRootData();
  const t = useT();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const user = data?.user;
  const otherLocale = data?.locale === "en" ? "fr" : "en";

  const items: Array<HeaderProps.QuickAccessItem | React.JSX.Element> = [];
  if (user) {
    items.push({ iconId: "fr-icon-file-text-line", text: t("common.nav.mesDossiers"), linkProps: { href: "/dossiers" } });
    if (user.instructeur) {
      items.push({ iconId: "fr-icon-team-line", text: t("common.nav.instructeur"), linkProps: { href: "/procedures" } });
    }
    if (user.administrateur) {
      items.push({ iconId: "fr-icon-settings-5-line", text: t("common.nav.administrateur"), linkProps: { href: "/admin/procedures" } });
    }
    items.push({ iconId: "fr-icon-account-line", text: t("auth.nav.myAccount"), linkProps: { href: "/profil" } });
    items.push(
      <form method="post" action="/users/sign_out" className="guichet-inline-form">
        <CsrfInput />
        <button type="submit" className="fr-btn fr-icon-logout-box-r-line" title={`${t("common.nav.signOut")} (${user.email})`}>
          {t("common.nav.signOut")}
        </button>
      </form>,
    );
  } else {
    items.push({ iconId: "fr-icon-account-circle-line", text: t("common.nav.signIn"), linkProps: { href: "/users/sign_in" } });
    items.push({ iconId: "fr-icon-add-circle-line", text: t("common.nav.signUp"), linkProps: { href: "/users/sign_up" } });
  }
  items.push(
    <form method="post" action="/langue" className="guichet-inline-form">
      <CsrfInput />
      <input type="hidden" name="locale" value={otherLocale} />
      <input type="hidden" name="redirect_to" value={here} />
      <button type="submit" className="fr-btn fr-icon-translate-2" lang={otherLocale}>
        {t("common.nav.otherLanguage")}
      </button>
    </form>,
  );
  if (data?.mailboxEnabled) {
    items.push({ iconId: "fr-icon-mail-line", text: t("common.nav.mailbox"), linkProps: { href: "/mailbox" } });
  }

  return (
    <Header
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      serviceTitle="Guichet"
      serviceTagline={t("common.tagline")}
      homeLinkProps={{ href: "/", title: t("common.homeTitle") }}
      quickAccessItems={items}
      // No light/dark switch: its dialog would add a second h1 to every page.
      disableDisplay
    />
  );
}
