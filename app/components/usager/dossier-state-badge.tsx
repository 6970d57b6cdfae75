/** The state of a dossier as a DSFR badge (wording from `dossiers.states`), and the test marker. */
import type { DossierState } from "../../../server/domain/dossier/states";
import { useT } from "../../lib/i18n";

const BADGE_CLASS = {
  brouillon: "fr-badge fr-badge--no-icon",
  en_construction: "fr-badge fr-badge--info",
  en_instruction: "fr-badge fr-badge--new",
  accepte: "fr-badge fr-badge--success",
  refuse: "fr-badge fr-badge--error",
  sans_suite: "fr-badge fr-badge--warning",
} satisfies Record<DossierState, string>;

export function DossierStateBadge({ state, small = false }: { state: DossierState; small?: boolean }) {
  const t = useT();
  return (
    <span className={small ? `${BADGE_CLASS[state]} fr-badge--sm` : BADGE_CLASS[state]}>{t(`dossiers.states.${state}`)}</span>
  );
}

export function TestBadge({ small = false }: { small?: boolean }) {
  const t = useT();
  return (
    <span
      className={small ? "fr-badge fr-badge--sm fr-badge--purple-glycine" : "fr-badge fr-badge--purple-glycine"}
      title={t("usager.testBadgeTitle")}
    >
      {t("usager.testBadge")}
    </span>
  );
}
