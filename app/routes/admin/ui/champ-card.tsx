/**
 * One field of the form editor. Each action is its own real form (works without JavaScript):
 * save, move up/down, delete (with a confirmation step). With JavaScript they go through fetchers:
 * the field is saved when a box loses focus or a choice changes, without reloading the page and
 * without touching what is being typed; the result is announced in a live region.
 */
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import type { TypeChamp } from "../../../../server/domain/champs/definition";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import type { ChampActionData, ChampEditorValues } from "../champs.server";
import { ENHANCED_FIELD, EnhancedMarker, useHydrated } from "./enhanced";
import { useSerialSave } from "./use-serial-save";
import { ChampConditionSection } from "./condition-editor";
import { ChampOptionsFields, ChampOptionsForms } from "./champ-options-editor";
import { CheckboxField, InputField, TextareaField } from "./fields";
import { useDynamicT } from "./layout";
import { ChampTypeChange } from "./type-change-form";

export interface EditorChamp {
  stableId: number;
  type: TypeChamp;
  hasValue: boolean;
  libelle: string;
  values: ChampEditorValues;
}

/** The field's values as sent (without the technical fields), to save only what changed. */
function serialize(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (name !== "_csrf" && name !== ENHANCED_FIELD && typeof value === "string") params.append(name, value);
  }
  return params.toString();
}

export function ChampCard({
  demarcheId,
  editorPath = `/admin/procedures/${demarcheId}/champs`,
  champ,
  index,
  count,
  actionData,
  announce,
  onRemoved,
  children,
}: {
  demarcheId: number;
  /** The editor page this card is on (the usager's form or the annotations privées). */
  editorPath?: string;
  champ: EditorChamp;
  index: number;
  count: number;
  /** The page's action data when it is about this field (no JavaScript). */
  actionData: ChampActionData | undefined;
  announce: (message: string) => void;
  onRemoved: () => void;
  /** Shown at the end of the card: the fields of a repetition block. */
  children?: React.ReactNode;
}) {
  const t = useT();
  const dt = useDynamicT();
  const hydrated = useHydrated();
  const id = `champ-${champ.stableId}`;
  const save = useFetcher<ChampActionData>({ key: `${id}-save` });
  // Blur-saves, checkbox saves and the button share this fetcher: sent one at a time, in order.
  const serialSave = useSerialSave(save);
  const move = useFetcher<ChampActionData>({ key: `${id}-move` });
  const remove = useFetcher<ChampActionData>({ key: `${id}-delete` });
  const formRef = useRef<HTMLFormElement>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const lastSaved = useRef<string | null>(null);
  const handledMove = useRef<ChampActionData | null>(null);
  const handledRemove = useRef<ChampActionData | null>(null);
  const [confirming, setConfirming] = useState(Boolean(actionData?.confirmDelete));

  // Errors and values: from the fetcher (JavaScript) or from the page's answer (no JavaScript).
  const result = save.data ?? (actionData?.intent === "update" ? actionData : undefined);
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const values = actionData?.intent === "update" && actionData.values ? actionData.values : champ.values;
  const error = (field: string) => {
    const key = errors[field];
    return key ? dt(`admin.champEditor.errors.${key}`, result?.errorParams?.[field]) : null;
  };
  const libelle = champ.libelle.trim() === "" ? t("admin.champEditor.untitled") : champ.libelle;

  useEffect(() => {
    if (formRef.current) lastSaved.current = serialize(formRef.current);
  }, []);

  // After a move: keep the focus on the button used (or its twin when the field reached an end).
  useEffect(() => {
    const data = move.data;
    if (move.state !== "idle" || !data || handledMove.current === data) return;
    handledMove.current = data;
    const first = data.intent === "move-up" ? upRef.current : downRef.current;
    const other = data.intent === "move-up" ? downRef.current : upRef.current;
    (first && !first.disabled ? first : other)?.focus();
    announce(t("admin.champEditor.moved", { libelle, position: index + 1, count }));
  }, [move.state, move.data, announce, t, libelle, index, count]);

  // Deleted: announced while the page reloads its data (this card is gone once that is done).
  useEffect(() => {
    const data = remove.data;
    if (remove.state === "submitting" || !data?.ok || data.intent !== "delete" || handledRemove.current === data) return;
    handledRemove.current = data;
    announce(t("admin.champEditor.deleted", { libelle }));
    onRemoved();
  }, [remove.state, remove.data, announce, onRemoved, t, libelle]);

  useEffect(() => {
    if (confirming && hydrated) confirmRef.current?.focus();
  }, [confirming, hydrated]);

  const submitIfChanged = () => {
    const form = formRef.current;
    if (!form) return;
    const current = serialize(form);
    if (current === lastSaved.current) return;
    lastSaved.current = current;
    void serialSave(form);
  };

  const saveStatus =
    save.state !== "idle"
      ? t("admin.champEditor.saving")
      : result?.ok
        ? t("admin.champEditor.saved")
        : result && !result.ok
          ? t("admin.champEditor.notSaved")
          : "";

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="fr-card fr-card--no-arrow fr-p-3w fr-mb-2w">
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
        <div className="fr-col">
          <h3 id={`${id}-title`} className="fr-h5 fr-mb-0">
            <span className="fr-sr-only">{t("admin.champEditor.position", { position: index + 1, count })} </span>
            {libelle}
          </h3>
          <p className="fr-badge fr-badge--sm fr-mt-1w fr-mb-0">{t(`champs.types.${champ.type}`)}</p>
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
            <li>
              <move.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="move-up" />
                <input type="hidden" name="stableId" value={champ.stableId} />
                <button
                  ref={upRef}
                  type="submit"
                  className="fr-btn fr-btn--tertiary fr-icon-arrow-up-line"
                  disabled={index === 0}
                >
                  {t("admin.champEditor.moveUp")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </move.Form>
            </li>
            <li>
              <move.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="move-down" />
                <input type="hidden" name="stableId" value={champ.stableId} />
                <button
                  ref={downRef}
                  type="submit"
                  className="fr-btn fr-btn--tertiary fr-icon-arrow-down-line"
                  disabled={index === count - 1}
                >
                  {t("admin.champEditor.moveDown")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </move.Form>
            </li>
            <li>
              <form method="post" action={editorPath}>
                <CsrfInput />
                <input type="hidden" name="intent" value="duplicate" />
                <input type="hidden" name="stableId" value={champ.stableId} />
                <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-file-add-line">
                  {t("admin.champEditor.duplicate")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </form>
            </li>
            <li>
              <form
                method="post"
                action={editorPath}
                onSubmit={(event) => {
                  // With JavaScript the confirmation is shown at once; without, the server shows it.
                  event.preventDefault();
                  setConfirming(true);
                }}
              >
                <CsrfInput />
                <input type="hidden" name="intent" value="confirm-delete" />
                <input type="hidden" name="stableId" value={champ.stableId} />
                <button ref={deleteRef} type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line">
                  {t("admin.champEditor.delete")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </form>
            </li>
          </ul>
        </div>
      </div>

      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} className="fr-alert fr-alert--warning fr-my-2w" id={`${id}-confirm`}>
          <h4 className="fr-alert__title">{t("admin.champEditor.confirmDeleteTitle", { libelle })}</h4>
          <p>{t("admin.champEditor.confirmDeleteBody")}</p>
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
            <li>
              <remove.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="stableId" value={champ.stableId} />
                <button type="submit" className="fr-btn">
                  {t("admin.champEditor.confirmDelete")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </remove.Form>
            </li>
            <li>
              <a
                className="fr-btn fr-btn--secondary"
                href={`${editorPath}#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  setConfirming(false);
                  deleteRef.current?.focus();
                }}
              >
                {t("common.cancel")}
              </a>
            </li>
          </ul>
        </div>
      ) : null}

      <ChampTypeChange stableId={champ.stableId} type={champ.type} libelle={libelle} actionData={actionData} />
      <save.Form
        ref={formRef}
        method="post"
        noValidate
        className="fr-mt-2w"
        onBlur={(event) => {
          const target = event.target as HTMLElement;
          const next = event.relatedTarget as HTMLElement | null;
          // Leaving a text box saves it; going to the "Enregistrer" button lets the button do it.
          if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
          if (target.type === "checkbox" || next?.dataset.saveButton === "true") return;
          submitIfChanged();
        }}
        onChange={(event) => {
          const target = event.target as HTMLElement;
          if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "checkbox"))
            submitIfChanged();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          lastSaved.current = serialize(event.currentTarget);
          void serialSave(event.currentTarget);
        }}
      >
        <CsrfInput />
        <EnhancedMarker />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="stableId" value={champ.stableId} />
        {errors.form ? (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{error("form")}</p>
          </div>
        ) : null}
        <InputField
          id={`${id}-libelle`}
          name="libelle"
          label={t("admin.champEditor.fields.libelle")}
          required
          maxLength={500}
          defaultValue={values.libelle}
          error={error("libelle")}
        />
        <TextareaField
          id={`${id}-description`}
          name="description"
          label={t("admin.champEditor.fields.description")}
          hint={t("admin.champEditor.hints.description")}
          rows={3}
          defaultValue={values.description}
          error={error("description")}
        />
        {champ.hasValue ? (
          <CheckboxField
            id={`${id}-mandatory`}
            name="mandatory"
            label={t("admin.champEditor.fields.mandatory")}
            defaultChecked={values.mandatory}
            className="fr-mb-3w"
          />
        ) : null}
        <ChampOptionsFields type={champ.type} id={id} values={values.options} error={error} />
        <div className="fr-grid-row fr-grid-row--middle">
          <button type="submit" className="fr-btn fr-btn--sm fr-mr-2w" data-save-button="true">
            {t("common.save")}
            <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
          </button>
          {/* Announced when it changes: "Enregistrement…", then "Enregistré" or the error state. */}
          <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite" id={`${id}-status`}>
            {saveStatus}
            {saveStatus ? <span className="fr-sr-only">{` – ${libelle}`}</span> : null}
          </p>
        </div>
      </save.Form>
      <ChampOptionsForms
        type={champ.type}
        demarcheId={demarcheId}
        stableId={champ.stableId}
        id={id}
        libelle={libelle}
        actionData={actionData}
        values={values.options}
      />
      <ChampConditionSection stableId={champ.stableId} libelle={libelle} />
      {children}
    </section>
  );
}
