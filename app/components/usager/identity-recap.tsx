/** "Identité du demandeur" on the dossier forms and page, with a link to change it when allowed. */
import { useT } from "../../lib/i18n";

export interface DossierIdentity {
  civilite: "M." | "Mme" | null;
  nom: string | null;
  prenom: string | null;
}

export function identityComplete(identity: DossierIdentity): boolean {
  return Boolean(identity.civilite && identity.nom && identity.prenom);
}

export function IdentityRecap({ identity, editHref }: { identity: DossierIdentity; editHref: string | null }) {
  const t = useT();
  const complete = identityComplete(identity);
  const civilite =
    identity.civilite === "M." ? t("usager.civilites.M") : identity.civilite === "Mme" ? t("usager.civilites.Mme") : "";
  return (
    <section className="fr-mb-4w" aria-labelledby="identite-demandeur">
      <h2 id="identite-demandeur" className="fr-h4">
        {t("usager.identity.title")}
      </h2>
      <p className="fr-mb-1w">{complete ? `${civilite} ${identity.prenom} ${identity.nom}` : t("usager.identity.missing")}</p>
      {editHref ? (
        <a className="fr-link fr-icon-edit-line fr-link--icon-left" href={editHref} id="modifier-identite">
          {complete ? (
            <>
              {t("usager.identity.edit")} <span className="fr-sr-only">{t("usager.identity.editSrOnly")}</span>
            </>
          ) : (
            t("usager.identity.fill")
          )}
        </a>
      ) : null}
    </section>
  );
}
