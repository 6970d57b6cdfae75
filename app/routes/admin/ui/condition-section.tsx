/**
 * A field's « Logique conditionnelle » in its card of the form editor, and the banner listing the
 * fields whose condition must be fixed. With JavaScript a condition is saved as it changes, through
 * a fetcher, one save at a time; without, the section is a plain form.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useActionData, useFetcher, useLoaderData } from "react-router";
import {
  availableForField,
  blockingErrors,
  type ChoiceLists,
  type ConditionField,
  type ConditionRows,
  fieldsWithInvalidCondition,
  MAX_CONDITION_ROWS,
  rowErrors,
  fieldConditionErrors,
  type StoredFieldCondition,
  withoutBlankRows,
} from "../../../../server/domain/conditions/editor";
import { CSRF_FIELD } from "../../../../common/csrf-field";
import { CsrfInput } from "../../../components/csrf-input";
import { useRootData, useT } from "../../../lib/i18n";
import type { ConditionActionData } from "../conditions.server";
import { appendRows, type ConditionEditorData, ConditionRowsEditor, conditionRows } from "./condition-editor";
import { ENHANCED_FIELD, useHydrated } from "./enhanced";
import { useDynamicT } from "./layout";
import { useSerialSave } from "./use-serial-save";

/** True when some row (or the stored condition itself) has an error. */
function hasErrors(
  state: ConditionRows | null,
  stored: StoredFieldCondition,
  available: readonly ConditionField[],
  lists: ChoiceLists,
) {
  if (state === null) return fieldConditionErrors(stored, available, lists).length > 0;
  return rowErrors(state, available, lists).some((codes) => codes.length > 0);
}

/** A field's « Logique conditionnelle », in its card. Nothing on pages without condition data. */
export function ChampConditionSection({ stableId, libelle }: { stableId: number; libelle: string }) {
  const loaderData = useLoaderData() as { conditionEditor?: ConditionEditorData } | undefined;
  const editor = loaderData?.conditionEditor;
  const field = editor?.fields.find((f) => f.stableId === stableId);
  return editor && field ? <ConditionSection editor={editor} field={field} libelle={libelle} /> : null;
}

function ConditionSection({
  editor,
  field,
  libelle,
}: {
  editor: ConditionEditorData;
  field: ConditionEditorData["fields"][number];
  libelle: string;
}) {
  const t = useT();
  const dt = useDynamicT();
  const hydrated = useHydrated();
  const csrfToken = useRootData()?.csrfToken ?? "";
  const { fields, lists } = editor;
  const { stableId } = field;
  const id = `champ-${stableId}-condition`;
  const available = useMemo(() => availableForField(fields, stableId), [fields, stableId]);
  const stored = useMemo(
    () => conditionRows(field.condition, field.conditionMalformed),
    [field.condition, field.conditionMalformed],
  );
  const actionData = useActionData() as ConditionActionData | undefined;
  const mine = actionData?.intent === "condition" && actionData.stableId === stableId ? actionData : undefined;
  const fetcher = useFetcher<ConditionActionData>({ key: id });
  const [state, setState] = useState<ConditionRows | null>(mine?.condition ?? stored);
  const [open, setOpen] = useState(Boolean(mine) || field.condition !== null || field.conditionMalformed);
  const [locallyRefused, setLocallyRefused] = useState(false);
  const dirty = useRef(false);
  const lastSent = useRef<string | null>(JSON.stringify(stored));
  const serialSave = useSerialSave(fetcher, { onDrained: () => (dirty.current = false) });

  // The stored condition changed (saved, or a field above moved or was deleted): show it, unless
  // the administrateur has changes of their own still being saved.
  const storedKey = JSON.stringify(stored);
  const shownKey = useRef(storedKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the serialized rows, not the object.
  useEffect(() => {
    if (shownKey.current === storedKey) return;
    shownKey.current = storedKey;
    if (dirty.current) return;
    // The rows just saved came back: keep the rules still being written (not saved while blank).
    setState((current) =>
      current && stored && JSON.stringify(withoutBlankRows(current).rows) === JSON.stringify(stored.rows) ? current : stored,
    );
  }, [storedKey]);

  const save = (next: ConditionRows) => {
    const saved = withoutBlankRows(next);
    const refused = rowErrors(saved, available, lists).some((codes) => blockingErrors(codes).length > 0);
    setLocallyRefused(refused);
    if (refused) return;
    const form = new FormData();
    form.set(CSRF_FIELD, csrfToken);
    form.set(ENHANCED_FIELD, "1");
    form.set("intent", "condition");
    form.set("stableId", String(stableId));
    form.set("op", "save");
    appendRows(form, saved);
    const payload = JSON.stringify(saved);
    if (payload === lastSent.current) return;
    lastSent.current = payload;
    dirty.current = true;
    void serialSave(form);
  };

  const onChange = (next: ConditionRows, commit: boolean) => {
    dirty.current = true;
    setState(next);
    if (commit) save(next);
  };

  const result = fetcher.data;
  const formError = (result && !result.ok ? result.conditionError : undefined) ?? mine?.conditionError;
  const status =
    fetcher.state !== "idle"
      ? t("admin.champEditor.saving")
      : locallyRefused || (result && !result.ok)
        ? t("admin.champEditor.notSaved")
        : result?.ok
          ? t("admin.champEditor.saved")
          : "";
  const invalid = hasErrors(state, field, available, lists);
  const active = state === null || state.rows.length > 0;

  return (
    <details
      id={id}
      className="fr-mt-3w"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="fr-text--bold">
        {t("conditions.section.title")}
        {invalid ? (
          <span className="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">{t("conditions.section.toFix")}</span>
        ) : active ? (
          <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">{t("conditions.section.active")}</span>
        ) : null}
        <span className="fr-sr-only">{` – ${libelle}`}</span>
      </summary>
      <form
        method="post"
        // Without JavaScript the page that answers (a rule added, an error) opens at this section.
        action={`#${id}`}
        className="fr-mt-2w"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (state) save(state);
        }}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="condition" />
        <input type="hidden" name="stableId" value={stableId} />
        {formError && formError !== "notSaved" ? (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{dt(`conditions.errors.${formError}`, { max: MAX_CONDITION_ROWS })}</p>
          </div>
        ) : null}
        {state === null ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>{t("conditions.section.unreadable")}</p>
            <button
              type="submit"
              name="op"
              value="clear"
              className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w"
              onClick={(event) => {
                if (!hydrated) return;
                event.preventDefault();
                onChange({ combinator: "Logic::And", rows: [] }, true);
              }}
            >
              {t("conditions.section.clear")}
            </button>
          </div>
        ) : available.length === 0 && state.rows.length === 0 ? (
          <p className="fr-text--sm">
            {field.parentStableId === null ? t("conditions.section.noSource") : t("conditions.section.noSourceInBlock")}
          </p>
        ) : (
          <>
            <ConditionRowsEditor
              idPrefix={id}
              legend={t("conditions.section.showIf")}
              fields={fields}
              available={available}
              lists={lists}
              state={state}
              onChange={onChange}
              emptyText={t("conditions.section.always")}
            />
            <div className="fr-grid-row fr-grid-row--middle fr-mt-2w">
              {state.rows.length > 0 ? (
                <button type="submit" name="op" value="save" className="fr-btn fr-btn--sm fr-mr-2w">
                  {t("conditions.rows.save")}
                  <span className="fr-sr-only">{` – ${libelle}`}</span>
                </button>
              ) : null}
              {/* Always present, so that screen readers announce its changes. */}
              <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite">
                {status}
                {status ? <span className="fr-sr-only">{` – ${t("conditions.section.title")} – ${libelle}`}</span> : null}
              </p>
            </div>
          </>
        )}
      </form>
    </details>
  );
}

/** Above the form editor's list: the fields whose condition must be fixed before publication. */
export function InvalidConditionsBanner() {
  const t = useT();
  const loaderData = useLoaderData() as { conditionEditor?: ConditionEditorData } | undefined;
  const editor = loaderData?.conditionEditor;
  const invalid = useMemo(() => (editor ? fieldsWithInvalidCondition(editor.fields, editor.lists) : []), [editor]);
  if (!editor || invalid.length === 0) return null;
  return (
    <div className="fr-alert fr-alert--warning fr-mb-4w" id="conditions-a-corriger">
      <h2 className="fr-alert__title">{t("conditions.banner.title")}</h2>
      <p>{t("conditions.banner.body")}</p>
      <ul>
        {invalid.map((stableId) => {
          const f = editor.fields.find((x) => x.stableId === stableId);
          return (
            <li key={stableId}>
              <a href={`#champ-${stableId}-condition`}>
                {f && f.libelle.trim() !== "" ? f.libelle : t("admin.champEditor.untitled")}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
