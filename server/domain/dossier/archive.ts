/**
 * Rules of archive and corbeille (ds-behaviour §2.5), pure: which instructeur action a dossier
 * accepts, or why not (a refusal code, translated in the `liste` namespace under `refusals`).
 */
import { isTermine, type DossierState } from "./states";

export const ARCHIVE_ACTIONS = ["archiver", "desarchiver", "supprimer", "restaurer"] as const;
export type ArchiveAction = (typeof ARCHIVE_ACTIONS)[number];

export function isArchiveAction(value: unknown): value is ArchiveAction {
  return typeof value === "string" && (ARCHIVE_ACTIONS as readonly string[]).includes(value);
}

export interface ArchiveState {
  state: DossierState;
  archived: boolean;
  hiddenByAdministrationAt: Date | null;
}

/** Null when the action applies, else the refusal code. */
export function archiveRefusal(action: ArchiveAction, dossier: ArchiveState): string | null {
  if (!isTermine(dossier.state)) return "not_termine";
  const inCorbeille = dossier.hiddenByAdministrationAt !== null;
  switch (action) {
    case "archiver":
      if (inCorbeille) return "in_corbeille";
      return dossier.archived ? "already_archived" : null;
    case "desarchiver":
      if (inCorbeille) return "in_corbeille";
      return dossier.archived ? null : "not_archived";
    case "supprimer":
      return inCorbeille ? "already_deleted" : null;
    case "restaurer":
      return inCorbeille ? null : "not_deleted";
  }
}

/** Messagerie is closed on archived dossiers and on dossiers in the corbeille (§5.2 Messagerie). */
export function messagerieOpen(dossier: { archived: boolean; hiddenByAdministrationAt: Date | null }): boolean {
  return !dossier.archived && dossier.hiddenByAdministrationAt === null;
}
