/**
 * Options of `piece_justificative` in the form editor: the accepted format families (inside the
 * card's save form) and the model file — also the notice of an `explication` — which has its own
 * multipart form after it (forms cannot nest) posting to server/http/uploads/template-endpoints.ts;
 * the page comes back at the card with the outcome in the query. Plain forms: they work without
 * JavaScript.
 */
import { useLocation, useSearchParams } from "react-router";
import type { FileTemplateEditorValues } from "../../../../../server/domain/demarches/options-editors/file-template";
import type { PieceJustificativeEditorValues } from "../../../../../server/domain/demarches/options-editors/piece-justificative";
import { formatByteSize } from "../../../../../server/domain/files/file-ref";
import { FORMAT_FAMILIES, extensionList, formatsOfFamilies } from "../../../../../server/domain/files/formats";
import { templateAcceptedFiles } from "../../../../../server/domain/files/file-fields";
import { FileLink } from "../../../../components/champs/types-de-champ/file-field";
import { CsrfInput } from "../../../../components/csrf-input";
import { useLocale, useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps, OptionsFormsProps } from "../champ-options-editor";
import { CheckboxField, UploadField } from "../../../../components/dsfr/fields";

export function PieceJustificativeOptions({ id, values }: OptionsFieldsProps<PieceJustificativeEditorValues>) {
  const t = useT();
  return (
    <fieldset className="fr-fieldset fr-mb-2w" aria-labelledby={`${id}-formats-legend ${id}-formats-hint`}>
      <legend className="fr-fieldset__legend fr-text--regular" id={`${id}-formats-legend`}>
        {t("fichiers.editor.formatsLegend")}
        <span className="fr-hint-text" id={`${id}-formats-hint`}>
          {t("fichiers.editor.formatsHint")}
        </span>
      </legend>
      {FORMAT_FAMILIES.map((family) => (
        <div className="fr-fieldset__element" key={family}>
          <CheckboxField
            id={`${id}-formatFamilies-${family}`}
            name="formatFamilies"
            value={family}
            label={t(`fichiers.familyLabels.${family}`)}
            hint={extensionList(formatsOfFamilies([family]))}
            defaultChecked={values.formatFamilies.includes(family)}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Where the editor page is ("champs" or "annotations"), so the upload comes back to it. */
function editorPage(pathname: string): string {
  return pathname.endsWith("/annotations") ? "annotations" : "champs";
}

/**
 * The model file of a piece justificative, or the notice of an explication: its own multipart form
 * (and a removal form), after the card's save form.
 */
function FileTemplateForms({
  demarcheId,
  stableId,
  id,
  libelle,
  values,
  type,
}: OptionsFormsProps & { type: "piece_justificative" | "explication" }) {
  const t = useT();
  const locale = useLocale();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const current = values as FileTemplateEditorValues;
  const about = searchParams.get("champ") === String(stableId);
  const outcome = about ? searchParams.get("modele") : null;
  const errorCode = about ? searchParams.get("modele_erreur") : null;
  const maxBytes = templateAcceptedFiles(type)?.maxBytes ?? 0;
  const errorKey =
    errorCode === "file_too_large" || errorCode === "file_format_not_accepted" || errorCode === "file_empty"
      ? errorCode
      : errorCode
        ? "upload_failed"
        : null;
  const error = errorKey ? t(`fichiers.editor.errors.${errorKey}`, { max: formatByteSize(maxBytes, locale) }) : null;
  const inputId = `${id}-template`;
  const action = `/admin/procedures/${demarcheId}/champs/${stableId}/modele`;
  const srLibelle = <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>;
  const notice = type === "explication";
  return (
    <section className="fr-mt-2w" aria-labelledby={`${inputId}-title`}>
      <h4 className="fr-text--md fr-text--bold fr-mb-1w" id={`${inputId}-title`}>
        {t(notice ? "fichiers.editor.noticeTitle" : "fichiers.editor.templateTitle")}
      </h4>
      {outcome === "ajoute" || outcome === "supprime" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t(outcome === "ajoute" ? "fichiers.editor.added" : "fichiers.editor.removed")}</p>
        </div>
      ) : null}
      {current.templateId ? (
        <div className="fr-mb-2w">
          <p className="fr-mb-1v">{t("fichiers.editor.current")}</p>
          <FileLink
            file={{
              id: current.templateId,
              filename: current.templateFilename,
              contentType: "",
              byteSize: Number(current.templateByteSize) || 0,
            }}
          />
          <form method="post" action={`${action}/supprimer`} className="fr-mt-1w">
            <CsrfInput />
            <input type="hidden" name="_return" value={editorPage(pathname)} />
            <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left">
              {t("fichiers.editor.remove")}
              {srLibelle}
            </button>
          </form>
        </div>
      ) : null}
      <form method="post" encType="multipart/form-data" action={action}>
        {/* The token first: the server checks it before reading the file. */}
        <CsrfInput />
        <input type="hidden" name="_return" value={editorPage(pathname)} />
        <UploadField
          id={inputId}
          name="file"
          label={t("fichiers.editor.choose")}
          hint={t(notice ? "fichiers.editor.noticeHint" : "fichiers.editor.templateHint")}
          required
          error={error}
        />
        <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-2w">
          {t(current.templateId ? "fichiers.editor.replace" : "fichiers.editor.upload")}
          {srLibelle}
        </button>
      </form>
    </section>
  );
}

export function PieceJustificativeTemplateForms(props: OptionsFormsProps) {
  return <FileTemplateForms {...props} type="piece_justificative" />;
}

export function ExplicationNoticeForms(props: OptionsFormsProps) {
  return <FileTemplateForms {...props} type="explication" />;
}
