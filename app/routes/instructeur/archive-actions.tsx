/**
 * The archive / corbeille block of the instructeur's dossier page (ds-behaviour §2.5): buttons
 * for what the dossier's state allows, the notice after an action and the refusal otherwise (read
 * from the URL the action redirected to, so it works without JavaScript). Posts to `archivage`.
 */
import { Form, useSearchParams } from "react-router";
import { ARCHIVE_ACTIONS, type ArchiveAction } from "../../../server/domain/dossier/archive";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";

const REFUSALS = [
  "not_termine",
  "already_archived",
  "not_archived",
  "already_deleted",
  "not_deleted",
  "in_corbeille",
  "unknown_action",
] as const;
type RefusalCode = (typeof REFUSALS)[number];
const TERMINE = ["accepte", "refuse", "sans_suite"];

export function ArchiveActions({
  demarcheId,
  dossier,
}: {
  demarcheId: number;
  dossier: { id: number; state: string; archived: boolean; inCorbeille: boolean };
}) {
  const t = useT();
  const [search] = useSearchParams();
  const notice = search.get("archivage");
  const refusal = search.get("archivage_refus");
  const { inCorbeille } = dossier;
  const termine = TERMINE.includes(dossier.state);
  const available: ArchiveAction[] = !termine
    ? []
    : inCorbeille
      ? ["restaurer"]
      : dossier.archived
        ? ["desarchiver", "supprimer"]
        : ["archiver", "supprimer"];
  const action = `/procedures/${demarcheId}/dossiers/${dossier.id}/archivage`;
  return (
    <section aria-labelledby="archivage" className="fr-mb-4w" data-testid="archivage">
      <h2 id="archivage" className="fr-h4">
        {t("liste.archivage.title")}
      </h2>
      {notice && (ARCHIVE_ACTIONS as readonly string[]).includes(notice) ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t(`liste.archivage.notices.${notice as ArchiveAction}`)}</p>
        </div>
      ) : null}
      {refusal && (REFUSALS as readonly string[]).includes(refusal) ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{t(`liste.archivage.refusals.${refusal as RefusalCode}`)}</p>
        </div>
      ) : null}
      {inCorbeille ? <p>{t("liste.archivage.inCorbeille")}</p> : dossier.archived ? <p>{t("liste.archivage.archived")}</p> : null}
      {termine ? null : <p className="fr-hint-text">{t("liste.archivage.onlyTermine")}</p>}
      {available.map((name) => (
        <Form method="post" action={action} className="fr-mb-2w" key={name}>
          <CsrfInput />
          <input type="hidden" name="action" value={name} />
          {name === "archiver" || name === "supprimer" ? (
            <p className="fr-hint-text fr-mb-1v" id={`archivage-${name}-hint`}>
              {t(name === "archiver" ? "liste.archivage.archiverHint" : "liste.archivage.supprimerHint")}
            </p>
          ) : null}
          <button
            type="submit"
            className={
              name === "supprimer" ? "fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left" : "fr-btn fr-btn--secondary"
            }
            aria-describedby={name === "archiver" || name === "supprimer" ? `archivage-${name}-hint` : undefined}
          >
            {t(`liste.archivage.${name}`)}
          </button>
        </Form>
      ))}
    </section>
  );
}
