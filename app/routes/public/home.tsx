import { useRootData, useT } from "../../lib/i18n";

export function meta() {
  return [{ title: "Guichet" }];
}

export default function Home() {
  const t = useT();
  const user = useRootData()?.user;
  return (
    <>
      <h1>{t("common.home.title")}</h1>
      <p className="fr-text--lead">{t("common.home.lead")}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-card fr-card--no-arrow">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h2 className="fr-card__title">{t("common.home.usagerTitle")}</h2>
                <p className="fr-card__desc">{t("common.home.usagerBody")}</p>
              </div>
              <div className="fr-card__footer">
                <a className="fr-btn" href={user ? "/dossiers" : "/users/sign_in"}>
                  {user ? t("common.nav.mesDossiers") : t("common.nav.signIn")}
                </a>
              </div>
            </div>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-card fr-card--no-arrow">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h2 className="fr-card__title">{t("common.home.agentTitle")}</h2>
                <p className="fr-card__desc">{t("common.home.agentBody")}</p>
              </div>
              <div className="fr-card__footer">
                <a
                  className="fr-btn fr-btn--secondary"
                  href={user?.administrateur ? "/admin/procedures" : user?.instructeur ? "/procedures" : "/users/sign_in"}
                >
                  {user?.administrateur
                    ? t("common.nav.administrateur")
                    : user?.instructeur
                      ? t("common.nav.instructeur")
                      : t("common.nav.signIn")}
                </a>
              </div>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
