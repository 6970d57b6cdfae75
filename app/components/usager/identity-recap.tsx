/** "Identité du demandeur" on the dossier forms and page, with a link to change it when allowed. */
import { useT } from "../../lib/i18n";

export interface DossierIdentity {
  civilite: "M." | "Mme" | null;
  nom: string | null;
  prenom: string | null;
  /** Filed for a bénéficiaire: the mandataire's names (the identity above is the bénéficiaire's). */
  mandataire?: { prenom: string; nom: string } | null;
  /** A personnes-morales démarche: the identity is the établissement. */
  personneMorale?: boolean;
  etablissement?: { siret: string; name: string | null } | null;
}

export function identityComplete(identity: DossierIdentity): boolean {
  if (identity.personneMorale) return Boolean(identity.etablissement);
  return Boolean(identity.civilite && identity.nom && identity.prenom);
}

function identityText(identity: DossierIdentity, t: ReturnType<typeof useT>): string {
  if (identity.personneMorale) {
    const e = identity.etablissement;
    return e ? `${t("entreprise.card.siret")} ${e.siret}${e.name ? ` – ${e.name}` : ""}` : t("usager.identity.missing");
  }
  if (!identityComplete(identity)) return t("usager.identity.missing");
  const civilite =
    identity.civilite === "M." ? t("usager.civilites.M") : identity.civilite === "Mme" ? t("usager.civilites.Mme") : "";
  return `${civilite} ${identity.prenom} ${identity.nom}`;
}

export function IdentityRecap({ identity, editHref }: { identity: DossierIdentity; editHref: string | null }) {
  const t = useT();
  const complete = identityComplete(identity);
  return (
    <section className="fr-mb-4w" aria-labelledby="identite-demandeur">
      <h2 id="identite-demandeur" className="fr-h4">
        {t("usager.identity.title")}
      </h2>
      <p className="fr-mb-1w">{identityText(identity, t)}</p>
      {identity.mandataire ? (
        <p className="fr-mb-1w fr-text--sm">
          {t("entreprise.mandataire.shown", { prenom: identity.mandataire.prenom, nom: identity.mandataire.nom })}
        </p>
      ) : null}
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
