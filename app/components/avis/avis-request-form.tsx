/**
 * The « demander un avis » form: the instructeur's avis tab and the expert's « demander un autre
 * avis ». Multipart (an optional file), posted as a plain form with or without JavaScript; a
 * refused post re-renders it with what was typed, the messages linked to their fields, and the
 * file already uploaded kept.
 */
import { CsrfInput } from "../csrf-input";
import { useT } from "../../lib/i18n";

export interface AvisRequestFormValues {
  emails: string;
  introduction: string;
  confidentiel: boolean;
  annotationsVisible: boolean;
  withQuestion: boolean;
  questionLabel: string;
  keptFileId: string | null;
}

export const EMPTY_AVIS_REQUEST: AvisRequestFormValues = {
  emails: "",
  introduction: "",
  confidentiel: false,
  annotationsVisible: false,
  withQuestion: false,
  questionLabel: "",
  keptFileId: null,
};

function describedBy(...ids: (string | false)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function AvisRequestForm({
  action,
  values,
  errors,
  allowAnnotations,
  headingId,
  title,
}: {
  action: string;
  values: AvisRequestFormValues;
  errors: Record<string, string>;
  /** Only an instructeur chooses whether the expert sees the annotations privées. */
  allowAnnotations: boolean;
  headingId: string;
  title: string;
}) {
  const t = useT();
  const field = (name: string) => (errors[name] ? `avis-${name}-error` : false);
  const groupClass = (name: string) => (errors[name] ? "fr-input-group fr-input-group--error" : "fr-input-group");
  const error = (name: string) =>
    errors[name] ? (
      <p id={`avis-${name}-error`} className="fr-error-text">
        {errors[name]}
      </p>
    ) : null;
  return (
    <section aria-labelledby={headingId} className="fr-mb-4w">
      <h2 id={headingId} className="fr-h4">
        {title}
      </h2>
      <form method="post" action={action} encType="multipart/form-data" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="request" />
        {values.keptFileId ? <input type="hidden" name="kept_file_id" value={values.keptFileId} /> : null}
        <div className={groupClass("emails")}>
          <label className="fr-label" htmlFor="avis-emails">
            {t("avis.instructeur.emails")}
            <span className="fr-hint-text" id="avis-emails-hint">
              {t("avis.instructeur.emailsHint")}
            </span>
          </label>
          <textarea
            className={errors.emails ? "fr-input fr-input--error" : "fr-input"}
            id="avis-emails"
            name="emails"
            rows={2}
            defaultValue={values.emails}
            aria-describedby={describedBy("avis-emails-hint", field("emails"))}
            aria-invalid={errors.emails ? true : undefined}
          />
          {error("emails")}
        </div>
        <div className={groupClass("introduction")}>
          <label className="fr-label" htmlFor="avis-introduction">
            {t("avis.instructeur.introduction")}
            <span className="fr-hint-text" id="avis-introduction-hint">
              {t("avis.instructeur.introductionHint")}
            </span>
          </label>
          <textarea
            className={errors.introduction ? "fr-input fr-input--error" : "fr-input"}
            id="avis-introduction"
            name="introduction"
            rows={5}
            defaultValue={values.introduction}
            aria-describedby={describedBy("avis-introduction-hint", field("introduction"))}
            aria-invalid={errors.introduction ? true : undefined}
          />
          {error("introduction")}
        </div>
        <div className={errors.file ? "fr-upload-group fr-input-group--error fr-mb-3w" : "fr-upload-group fr-mb-3w"}>
          <label className="fr-label" htmlFor="avis-introduction-file">
            {t("avis.instructeur.file")}
            <span className="fr-hint-text" id="avis-file-hint">
              {values.keptFileId ? t("avis.instructeur.fileKept") : t("avis.instructeur.fileHint")}
            </span>
          </label>
          <input
            className="fr-upload"
            type="file"
            id="avis-introduction-file"
            name="introduction_file"
            aria-describedby={describedBy("avis-file-hint", field("file"))}
          />
          {error("file")}
        </div>
        <fieldset className="fr-fieldset">
          <div className="fr-fieldset__element">
            <div className="fr-checkbox-group">
              <input type="checkbox" id="avis-confidentiel" name="confidentiel" defaultChecked={values.confidentiel} />
              <label className="fr-label" htmlFor="avis-confidentiel">
                {t("avis.instructeur.confidentiel")}
                <span className="fr-hint-text">{t("avis.instructeur.confidentielHint")}</span>
              </label>
            </div>
          </div>
          {allowAnnotations ? (
            <div className="fr-fieldset__element">
              <div className="fr-checkbox-group">
                <input
                  type="checkbox"
                  id="avis-annotations-visible"
                  name="annotations_visible"
                  defaultChecked={values.annotationsVisible}
                />
                <label className="fr-label" htmlFor="avis-annotations-visible">
                  {t("avis.instructeur.annotationsVisible")}
                </label>
              </div>
            </div>
          ) : null}
          <div className="fr-fieldset__element">
            <div className="fr-checkbox-group">
              <input type="checkbox" id="avis-with-question" name="with_question" defaultChecked={values.withQuestion} />
              <label className="fr-label" htmlFor="avis-with-question">
                {t("avis.instructeur.withQuestion")}
              </label>
            </div>
          </div>
        </fieldset>
        <div className={groupClass("questionLabel")}>
          <label className="fr-label" htmlFor="avis-question-label">
            {t("avis.instructeur.questionLabel")}
            <span className="fr-hint-text" id="avis-question-hint">
              {t("avis.instructeur.questionLabelHint")}
            </span>
          </label>
          <input
            className={errors.questionLabel ? "fr-input fr-input--error" : "fr-input"}
            id="avis-question-label"
            name="question_label"
            defaultValue={values.questionLabel}
            aria-describedby={describedBy("avis-question-hint", field("questionLabel"))}
            aria-invalid={errors.questionLabel ? true : undefined}
          />
          {error("questionLabel")}
        </div>
        <button type="submit" className="fr-btn">
          {t("avis.instructeur.submit")}
        </button>
      </form>
    </section>
  );
}

/** The error summary above a form: each message links to its field. */
export function AvisErrorSummary({ errors, anchors }: { errors: Record<string, string>; anchors: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" id="erreurs">
      <h2 className="fr-alert__title">{t("avis.errors.summary")}</h2>
      <ul>
        {entries.map(([fieldName, message]) => (
          <li key={fieldName}>{anchors[fieldName] ? <a href={`#${anchors[fieldName]}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}
