/** Building blocks of the read-only rendering of a field (dossier page, instructeur views, previews). */
import { useT } from "../../lib/i18n";

/**
 * One field on a read-only page: its libellé then its value (or "Non renseigné"). Headings are
 * not used for libellés: a form can have dozens of fields and only sections deserve headings.
 */
export function DisplayItem({ libelle, text, multiline = false }: { libelle: string; text: string; multiline?: boolean }) {
  const t = useT();
  return (
    <div className="fr-mb-3w guichet-champ-display">
      <p className="fr-text--bold fr-mb-1v">{libelle}</p>
      {text === "" ? (
        <p className="fr-mb-0 fr-text-mention--grey">{t("usager.champ.empty")}</p>
      ) : (
        <p className={multiline ? "fr-mb-0 guichet-champ-value--multiline" : "fr-mb-0"}>{text}</p>
      )}
    </div>
  );
}
