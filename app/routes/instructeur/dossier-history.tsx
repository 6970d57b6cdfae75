/** The dossier's state history (traitements), a table on the instructeur's dossier page. */
import type { TraitementEvent } from "../../../server/domain/dossier/transitions";
import { useT } from "../../lib/i18n";
import { DsfrTable } from "../../components/dsfr/table";

export interface HistoryRow {
  id: number;
  event: TraitementEvent;
  processedAt: string | null;
  instructeurEmail: string | null;
  motivation: string | null;
}

export function DossierHistory({ history }: { history: HistoryRow[] }) {
  const t = useT();
  return (
    <section aria-labelledby="historique" className="fr-mb-4w">
      <h2 id="historique">{t("instructeur.dossier.history.title")}</h2>
      {history.length === 0 ? (
        <p>{t("instructeur.dossier.history.empty")}</p>
      ) : (
        <DsfrTable caption={t("instructeur.dossier.history.caption")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("instructeur.dossier.history.date")}</th>
              <th scope="col">{t("instructeur.dossier.history.event")}</th>
              <th scope="col">{t("instructeur.dossier.history.by")}</th>
              <th scope="col">{t("instructeur.dossier.history.motivation")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{h.processedAt}</td>
                <td>{t(`instructeur.dossier.history.events.${h.event}`)}</td>
                <td>
                  {h.instructeurEmail ??
                    (h.event === "depose" || h.event === "depose_correction_usager"
                      ? t("instructeur.dossier.history.usager")
                      : t("instructeur.dossier.history.system"))}
                </td>
                <td className="fr-cell--multiline guichet-multiline">{h.motivation ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
    </section>
  );
}
