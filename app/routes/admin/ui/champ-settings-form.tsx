/**
 * The settings of one field (libellé, description, mandatory, its type's options). With JavaScript
 * the field is saved when a box loses focus or a choice changes, without reloading the page nor
 * touching what is being typed, one save at a time; the result is announced in a live region.
 */
import { useEffect, useRef } from "react";
import { useFetcher } from "react-router";
import type { TypeChamp } from "../../../../server/domain/champs/definition";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import type { ChampActionData, ChampEditorValues } from "../champs.server";
import { ChampOptionsFields } from "./champ-options-editor";
import { ENHANCED_FIELD, EnhancedMarker } from "./enhanced";
import { CheckboxField, InputField, TextareaField } from "../../../components/dsfr/fields";
import { useDynamicT } from "./layout";
import { useSerialSave } from "./use-serial-save";

/** The field's values as sent (without the technical fields), to save only what changed. */
function serialize(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (name !== "_csrf" && name !== ENHANCED_FIELD && typeof value === "string") params.append(name, value);
  }
  return params.toString();
}

export function ChampSettingsForm({
  champ,
  id,
  libelle,
  values,
  actionData,
}: {
  champ: { stableId: number; type: TypeChamp; hasValue: boolean };
  id: string;
  libelle: string;
  values: ChampEditorValues;
  /** The page's action data when it is about this field (no JavaScript). */
  actionData: ChampActionData | undefined;
}) {
  const t = useT();
  const dt = useDynamicT();
  const save = useFetcher<ChampActionData>({ key: `${id}-save` });
  // Blur-saves, checkbox saves and the button share this fetcher: sent one at a time, in order.
  const serialSave = useSerialSave(save);
  const formRef = useRef<HTMLFormElement>(null);
  const lastSaved = useRef<string | null>(null);

  // Errors: from the fetcher (JavaScript) or from the page's answer (no JavaScript).
  const result = save.data ?? (actionData?.intent === "update" ? actionData : undefined);
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const error = (field: string) => {
    const key = errors[field];
    return key ? dt(`admin.champEditor.errors.${key}`, result?.errorParams?.[field]) : null;
  };

  useEffect(() => {
    if (formRef.current) lastSaved.current = serialize(formRef.current);
  }, []);

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
  );
}
