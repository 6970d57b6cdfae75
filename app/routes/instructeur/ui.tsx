/** Small pieces shared by the instructeur's pages (state badge, demandeur name). */
import type { DossierState } from "../../../server/domain/dossier/states";
import { useT } from "../../lib/i18n";

const BADGE_CLASS: Record<DossierState, string> = {
  brouillon: "",
  en_construction: "fr-badge--new",
  en_instruction: "fr-badge--info",
  accepte: "fr-badge--success",
  refuse: "fr-badge--error",
  sans_suite: "",
};

export function DossierStateBadge({ state, small = true }: { state: DossierState; small?: boolean }) {
  const t = useT();
  return (
    <p className={`fr-badge fr-badge--no-icon ${small ? "fr-badge--sm" : ""} ${BADGE_CLASS[state]}`.trim()}>
      {t(`dossiers.states.${state}`)}
    </p>
  );
}

/** "Mme Dupont Camille", or "" when the identity was never filled. */
export function useDemandeurName() {
  const t = useT();
  return (d: { civilite: "M." | "Mme" | null; nom: string | null; prenom: string | null }) => {
    const civilite =
      d.civilite === "M." ? t("instructeur.civilites.M") : d.civilite === "Mme" ? t("instructeur.civilites.Mme") : "";
    return [civilite, d.nom, d.prenom].filter((part) => part && part.trim() !== "").join(" ");
  };
}
