/**
 * The « demander un avis » form: the instructeur's avis tab and the expert's « demander un autre
 * avis ». Multipart (an optional file), posted as a plain form with or without JavaScript; a
 * refused post re-renders it with what was typed, the messages linked to their fields, and the
 * file already uploaded kept.
 */
import { CsrfInput } from "../csrf-input";
import { InputField, TextareaField, UploadField } from "../dsfr/fields";
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
  return (
    <section aria-labelledby={headingId} className="fr-mb-4w">
      <h2 id={headingId} className="fr-h4">
        {title}
      </h2>
      <form method="post" action={action} encType="multipart/form-data" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="request" />
        {values.keptFileId ? <input type="hidden" name="kept_file_id" value={values.keptFileId} /> : null}
        <TextareaField
          id="avis-emails"
          name="emails"
          rows={2}
          label={t("avis.instructeur.emails")}
          hint={t("avis.instructeur.emailsHint")}
          error={errors.emails}
          defaultValue={values.emails}
        />
        <TextareaField
          id="avis-introduction"
          name="introduction"
          rows={5}
          label={t("avis.instructeur.introduction")}
          hint={t("avis.instructeur.introductionHint")}
          error={errors.introduction}
          defaultValue={values.introduction}
        />
        <UploadField
          id="avis-introduction-file"
          name="introduction_file"
          className="fr-mb-3w"
          label={t("avis.instructeur.file")}
          hint={values.keptFileId ? t("avis.instructeur.fileKept") : t("avis.instructeur.fileHint")}
          error={errors.file}
        />
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
        <InputField
          id="avis-question-label"
          name="question_label"
          label={t("avis.instructeur.questionLabel")}
          hint={t("avis.instructeur.questionLabelHint")}
          error={errors.questionLabel}
          defaultValue={values.questionLabel}
        />
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
