/**
 * On each field of the form editor: changing the field's type (a plain form, folded in a
 * <details>, works without JavaScript; the page reloads with the field under its new type), and
 * the refusal to delete a field that a rule reads (the delete button's answer, with or without
 * JavaScript), which names the rules to change first.
 */
import { useFetcher, useLoaderData } from "react-router";
import type { ChampCategory, TypeChamp } from "../../../../server/domain/champs/definition";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import type { ChampActionData } from "../champs.server";
import { useDynamicT } from "./layout";

interface TypeGroup {
  category: ChampCategory;
  types: TypeChamp[];
}

function errorOf(result: ChampActionData | undefined, field: string, dt: ReturnType<typeof useDynamicT>) {
  const key = result && !result.ok ? result.errors?.[field] : undefined;
  return key ? dt(`admin.champEditor.errors.${key}`, result?.errorParams?.[field]) : null;
}

export function ChampTypeChange({
  stableId,
  type,
  libelle,
  actionData,
}: {
  stableId: number;
  type: TypeChamp;
  libelle: string;
  /** The page's action data when it is about this field (no JavaScript). */
  actionData: ChampActionData | undefined;
}) {
  const t = useT();
  const dt = useDynamicT();
  // The editor page's loader gives the types an administrateur can choose, as for adding a field.
  const { typeGroups = [] } = useLoaderData() as { typeGroups?: TypeGroup[] };
  const id = `champ-${stableId}`;
  // Same key as the card's delete button: its answer is read here.
  const remove = useFetcher<ChampActionData>({ key: `${id}-delete` });
  const deleteError = errorOf(remove.data ?? (actionData?.intent === "delete" ? actionData : undefined), "form", dt);
  const typeError = errorOf(actionData?.intent === "change-type" ? actionData : undefined, "type", dt);
  const selectId = `${id}-type`;

  return (
    <>
      {deleteError ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-my-2w" role="alert" id={`${id}-delete-error`}>
          <h4 className="fr-alert__title">{t("revisions.typeChange.deleteRefusedTitle")}</h4>
          <p>{deleteError}</p>
        </div>
      ) : null}
      <details className="fr-mt-2w" open={typeError !== null}>
        <summary className="fr-link fr-icon-edit-line fr-link--icon-left">
          {t("revisions.typeChange.submit")}
          <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
        </summary>
        <form method="post" noValidate className="fr-mt-1w">
          <CsrfInput />
          <input type="hidden" name="intent" value="change-type" />
          <input type="hidden" name="stableId" value={stableId} />
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div className="fr-col-12 fr-col-md-6">
              <div className={`fr-select-group${typeError ? " fr-select-group--error" : ""}`}>
                <label className="fr-label" htmlFor={selectId}>
                  {t("revisions.typeChange.label")}
                  <span className="fr-hint-text">{t("revisions.typeChange.hint")}</span>
                </label>
                <select
                  className={`fr-select${typeError ? " fr-select--error" : ""}`}
                  id={selectId}
                  name="type"
                  defaultValue={type}
                  aria-invalid={typeError ? true : undefined}
                  aria-describedby={typeError ? `${selectId}-error` : undefined}
                >
                  {typeGroups.map((group) => (
                    <optgroup key={group.category} label={t(`champs.categories.${group.category}`)}>
                      {group.types.map((option) => (
                        <option key={option} value={option}>
                          {t(`champs.types.${option}`)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                {typeError ? (
                  <p id={`${selectId}-error`} className="fr-error-text">
                    {typeError}
                  </p>
                ) : null}
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-auto">
              <button type="submit" className="fr-btn fr-btn--secondary">
                {t("revisions.typeChange.submit")}
                <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
              </button>
            </div>
          </div>
        </form>
      </details>
    </>
  );
}
