/**
 * The « Groupe instructeur » block of the instructeur's dossier page (ds-behaviour §5.1): the
 * dossier's groupe, the form moving it to another open groupe of the démarche (en construction or
 * en instruction only; posts to `groupe`, works without JavaScript) and its groupe changes. The
 * notice or refusal is read from the URL the action redirected to.
 */
import { Form, useSearchParams } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { SelectField } from "../../components/dsfr/fields";
import { DsfrTable } from "../../components/dsfr/table";
import { useT } from "../../lib/i18n";

export const GROUPE_REFUSALS = ["groupe_not_found", "same_groupe", "not_reassignable"] as const;
type GroupeRefusal = (typeof GROUPE_REFUSALS)[number];

export interface DossierGroupeView {
  severalGroupes: boolean;
  current: { id: number; label: string } | null;
  choices: Array<{ id: number; label: string }>;
  choicesTruncated: boolean;
  search: string;
  changes: Array<{
    id: number;
    createdAt: string | null;
    mode: "auto" | "manual" | "bulk";
    fromLabel: string | null;
    toLabel: string;
    byEmail: string | null;
  }>;
}

export function DossierGroupe({
  demarcheId,
  dossierId,
  groupe,
}: {
  demarcheId: number;
  dossierId: number;
  groupe: DossierGroupeView;
}) {
  const t = useT();
  const [search] = useSearchParams();
  const moved = search.get("groupe") === "deplace";
  const refusal = search.get("groupe_refus");
  const error =
    refusal && (GROUPE_REFUSALS as readonly string[]).includes(refusal)
      ? t(`groupes.instructeur.errors.${refusal as GroupeRefusal}`)
      : null;
  // A démarche with a single groupe has nothing to show here.
  if (!groupe.severalGroupes && groupe.changes.length === 0) return null;
  return (
    <section aria-labelledby="groupe-instructeur" className="fr-mb-4w" data-testid="groupe-instructeur">
      <h2 id="groupe-instructeur" className="fr-h4">
        {t("groupes.instructeur.title")}
      </h2>
      {moved && groupe.current ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t("groupes.instructeur.moved", { label: groupe.current.label })}</p>
        </div>
      ) : null}
      {groupe.current ? <p>{t("groupes.instructeur.current", { label: groupe.current.label })}</p> : null}
      {groupe.choicesTruncated || groupe.search ? (
        // Many groupes: a search narrows the list (a GET form, without JavaScript too).
        <form method="get" action={`/procedures/${demarcheId}/dossiers/${dossierId}#groupe-instructeur`}>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="groupe_q">
              {t("groupes.instructeur.searchLabel")}
              <span className="fr-hint-text">
                {groupe.choicesTruncated
                  ? t("groupes.instructeur.truncated", { count: groupe.choices.length })
                  : t("groupes.instructeur.searchHint")}
              </span>
            </label>
            <input
              className="fr-input"
              id="groupe_q"
              name="groupe_q"
              type="search"
              defaultValue={groupe.search}
              maxLength={100}
            />
          </div>
          <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w">
            {t("groupes.instructeur.searchSubmit")}
          </button>
        </form>
      ) : null}
      {groupe.search && groupe.choices.length === 0 ? <p>{t("groupes.instructeur.noMatch", { search: groupe.search })}</p> : null}
      {groupe.choices.length > 0 ? (
        <Form method="post" action={`/procedures/${demarcheId}/dossiers/${dossierId}/groupe`}>
          <CsrfInput />
          <SelectField id="groupeId" label={t("groupes.instructeur.select")} error={error} required defaultValue="">
            <option value="" disabled>
              {t("groupes.instructeur.placeholder")}
            </option>
            {groupe.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="fr-btn fr-btn--secondary">
            {t("groupes.instructeur.submit")}
          </button>
        </Form>
      ) : error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      {groupe.changes.length > 0 ? (
        <DsfrTable caption={t("groupes.instructeur.historyTitle")} className="fr-mt-3w fr-table--sm">
          <thead>
            <tr>
              <th scope="col">{t("groupes.instructeur.date")}</th>
              <th scope="col">{t("groupes.instructeur.change")}</th>
              <th scope="col">{t("groupes.instructeur.mode")}</th>
            </tr>
          </thead>
          <tbody>
            {groupe.changes.map((change) => (
              <tr key={change.id}>
                <td>{change.createdAt}</td>
                <td>
                  {change.fromLabel === null
                    ? t("groupes.instructeur.firstRouting", { to: change.toLabel })
                    : t("groupes.instructeur.from", { from: change.fromLabel, to: change.toLabel })}
                </td>
                <td>
                  {t(`groupes.instructeur.modes.${change.mode}`)}
                  {change.byEmail ? ` (${change.byEmail})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      ) : null}
    </section>
  );
}
