import { useEffect, useId, useRef } from "react";
import { useFetcher } from "react-router";
import { CsrfInput } from "../../../components/csrf-input";
import type { ChampCategory, TypeChamp } from "../../../../server/domain/champs/definition";
import { useT } from "../../../lib/i18n";
import type { ChampActionData } from "../champs.server";
import { EnhancedMarker } from "./enhanced";

/**
 * "Ajouter un champ": a type (grouped by category) and a position (after `after`, or at the end).
 * The ones between fields are folded in a <details> (works without JavaScript); with JavaScript the
 * new field is added in place and its libellé gets the focus.
 */
export function AddChampForm({
  typeGroups,
  after,
  announce,
  collapsed = false,
  error,
  parentStableId = null,
  title,
}: {
  typeGroups: Array<{ category: ChampCategory; types: TypeChamp[] }>;
  after: { stableId: number; libelle: string } | null;
  announce: (message: string) => void;
  collapsed?: boolean;
  error?: string | null;
  /** Adds inside this repetition block (then `typeGroups` must not offer another block). */
  parentStableId?: number | null;
  /** Heading of the form at the end of a list (default: the end of the form). */
  title?: string;
}) {
  const t = useT();
  const fetcher = useFetcher<ChampActionData>({
    key: `add-${parentStableId ?? "top"}-${collapsed && after ? after.stableId : "end"}`,
  });
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const selectId = `add-type-${uid}`;
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const handled = useRef<ChampActionData | null>(null);

  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result || handled.current === result) return;
    handled.current = result;
    if (!result.ok || result.stableId === null) return;
    if (detailsRef.current) detailsRef.current.open = false;
    announce(t("admin.champEditor.added"));
    document.getElementById(`champ-${result.stableId}-libelle`)?.focus();
  }, [fetcher.state, fetcher.data, announce, t]);

  const form = (
    <fetcher.Form method="post" className="fr-mb-4w" noValidate>
      <CsrfInput />
      <EnhancedMarker />
      <input type="hidden" name="intent" value="add" />
      {collapsed && after ? <input type="hidden" name="afterStableId" value={after.stableId} /> : null}
      {parentStableId !== null ? <input type="hidden" name="parentStableId" value={parentStableId} /> : null}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
            <label className="fr-label" htmlFor={selectId}>
              {t("admin.champEditor.addType")}
            </label>
            <select
              className="fr-select"
              id={selectId}
              name="type"
              defaultValue="text"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${selectId}-error` : undefined}
            >
              {typeGroups.map((group) => (
                <optgroup key={group.category} label={t(`champs.categories.${group.category}`)}>
                  {group.types.map((type) => (
                    <option key={type} value={type}>
                      {t(`champs.types.${type}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {error ? (
              <p id={`${selectId}-error`} className="fr-error-text">
                {error}
              </p>
            ) : null}
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <button
            type="submit"
            className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left"
            disabled={fetcher.state !== "idle"}
          >
            {t("admin.champEditor.addSubmit")}
            {collapsed && after ? (
              <span className="fr-sr-only">{` ${t("admin.champEditor.addAfterSr", { libelle: after.libelle })}`}</span>
            ) : null}
          </button>
        </div>
      </div>
    </fetcher.Form>
  );

  const Heading = parentStableId === null ? "h2" : "h4";
  if (!collapsed) {
    return (
      <section aria-labelledby={`add-champ-end-${uid}`} className="fr-mt-4w">
        {/* In a block the form sits inside the block's card (an h3): one level below. */}
        <Heading id={`add-champ-end-${uid}`} className="fr-h5">
          {title ?? t("admin.champEditor.addTitle")}
        </Heading>
        {form}
      </section>
    );
  }
  return (
    <details ref={detailsRef} className="fr-mb-3w">
      <summary className="fr-link fr-icon-add-line fr-link--icon-left">
        {t("admin.champEditor.addHere")}
        <span className="fr-sr-only">{` ${t("admin.champEditor.addAfterSr", { libelle: after?.libelle ?? "" })}`}</span>
      </summary>
      <div className="fr-pt-2w">{form}</div>
    </details>
  );
}
