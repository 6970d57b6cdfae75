import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { PageTitle } from "./form-ui";
import type { Route } from "./+types/profil";

type Profile = "usager" | "instructeur" | "administrateur" | "expert";

export const handle = { i18n: ["equipe"] };

/** Each profile's space (a tile without link would be a space that does not exist). */
const SPACES: Record<Profile, { href: string | null; icon: string }> = {
  usager: { href: "/dossiers", icon: "fr-icon-file-text-line" },
  instructeur: { href: "/procedures", icon: "fr-icon-team-line" },
  administrateur: { href: "/admin/procedures", icon: "fr-icon-settings-5-line" },
  expert: { href: "/avis", icon: "fr-icon-chat-check-line" },
};

/** The account page: the profiles this account holds and a link to each space (the role switcher). */
export async function loader({ context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const profiles: Profile[] = ["usager"];
  if (user.instructeurId !== null) profiles.push("instructeur");
  if (user.administrateurId !== null) profiles.push("administrateur");
  if (user.expertId !== null) profiles.push("expert");
  return { email: user.email, profiles };
}

export default function Profil({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { email, profiles } = loaderData;
  return (
    <>
      <PageTitle title={t("auth.profile.title")} />
      <h1>{t("auth.profile.heading")}</h1>
      <p className="fr-text--lead">{t("auth.profile.signedInAs", { email })}</p>
      <h2>{t("auth.profile.profilesTitle")}</h2>
      <p>{t("auth.profile.profilesLead")}</p>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        {profiles.map((profile) => {
          const href = SPACES[profile].href;
          return (
            <li key={profile} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
              <div className={href ? "fr-tile fr-enlarge-link" : "fr-tile"}>
                <div className="fr-tile__body">
                  <div className="fr-tile__content">
                    <h3 className="fr-tile__title">
                      {href ? <a href={href}>{t(`auth.profile.${profile}.link`)}</a> : t(`auth.profile.${profile}.link`)}
                    </h3>
                    <p className="fr-tile__detail">{t(`auth.profile.${profile}.title`)}</p>
                    <p className="fr-tile__desc">{t(`auth.profile.${profile}.body`)}</p>
                  </div>
                </div>
                <div className="fr-tile__header">
                  <span className={`fr-icon--lg ${SPACES[profile].icon}`} aria-hidden="true" />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {profiles.includes("administrateur") ? (
        <>
          <h2>{t("equipe.jetons.title")}</h2>
          <p>{t("equipe.jetons.lead")}</p>
          <p>
            <a className="fr-btn fr-btn--secondary" href="/admin/jetons">
              {t("equipe.jetons.profileLink")}
            </a>
          </p>
        </>
      ) : null}
      <h2>{t("auth.profile.securityTitle")}</h2>
      <p>{t("auth.profile.changePasswordHint")}</p>
      <p>
        <a className="fr-btn fr-btn--secondary" href="/users/password/new">
          {t("auth.profile.changePassword")}
        </a>
      </p>
    </>
  );
}
