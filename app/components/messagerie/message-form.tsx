/**
 * The form that sends a message: text, files (multipart: streamed by
 * server/http/uploads/message-uploads.ts, with or without JavaScript) and, for instructeurs, the
 * correction request. On a refusal it comes back with what was typed and the files already
 * received (hidden fields), each error linked to its field.
 */
import { Form } from "react-router";
import { CsrfInput } from "../csrf-input";
import { TextareaField, UploadField } from "../dsfr/fields";
import { useLocale, useT } from "../../lib/i18n";

export interface MessageFormValues {
  body: string;
  correction: boolean;
  reason: string;
  files: { id: string; filename: string }[];
}

export interface MessageFormProps {
  maxLength: number;
  maxFileSize: string;
  /** Instructeurs: the correction checkbox, when a correction may be asked now. */
  correction: boolean;
  values?: MessageFormValues;
  errors?: Record<string, string>;
  fileErrors?: string[];
}

const REASONS = ["incorrect", "incomplete", "outdated"] as const;

export function MessageForm({ maxLength, maxFileSize, correction, values, errors = {}, fileErrors = [] }: MessageFormProps) {
  const t = useT();
  const locale = useLocale();
  const bodyError = errors.body;
  const filesError = errors.attachments ?? (fileErrors.length > 0 ? fileErrors.join(" ; ") : undefined);
  const correctionError = errors.correction;
  return (
    <section aria-labelledby="nouveau-message" className="fr-mt-4w">
      <h2 id="nouveau-message" className="fr-h4">
        {t("messagerie.form.title")}
      </h2>
      <Form method="post" encType="multipart/form-data" noValidate id="formulaire-message">
        <CsrfInput />
        <TextareaField
          id="message-body"
          name="body"
          rows={6}
          label={t("messagerie.form.body")}
          hint={t("messagerie.form.bodyHint", { max: maxLength.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB") })}
          error={bodyError}
          defaultValue={values?.body ?? ""}
        />

        <UploadField
          id="message-files"
          name="pieces_jointes"
          multiple
          label={t("messagerie.form.files")}
          hint={t("messagerie.form.filesHint", { size: maxFileSize })}
          error={filesError}
          className="fr-mb-3w"
        />
        {values && values.files.length > 0 ? (
          <div className="fr-mt-1w">
            <p className="fr-text--sm fr-mb-0">{t("messagerie.form.keptFiles")}</p>
            <ul>
              {values.files.map((file) => (
                <li key={file.id}>
                  {file.filename}
                  <input type="hidden" name="_message_files" value={file.id} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {correction ? (
          <fieldset
            className={`fr-fieldset${correctionError ? " fr-fieldset--error" : ""}`}
            aria-labelledby="correction-legend"
            aria-describedby={correctionError ? "correction-error" : undefined}
          >
            <legend className="fr-fieldset__legend" id="correction-legend">
              {t("messagerie.form.correction")}
              <span className="fr-hint-text">{t("messagerie.form.correctionHint")}</span>
            </legend>
            <div className="fr-fieldset__element">
              <div className="fr-checkbox-group">
                <input type="checkbox" id="message-correction" name="correction" value="1" defaultChecked={values?.correction} />
                <label className="fr-label" htmlFor="message-correction">
                  {t("messagerie.form.correction")}
                </label>
              </div>
            </div>
            <div className="fr-fieldset__element">
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="message-reason">
                  {t("messagerie.form.reason")}
                </label>
                <select className="fr-select" id="message-reason" name="reason" defaultValue={values?.reason || "incorrect"}>
                  {REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(`messagerie.correction.reasons.${reason}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {correctionError ? (
              <p className="fr-error-text fr-fieldset__element" id="correction-error">
                {correctionError}
              </p>
            ) : null}
          </fieldset>
        ) : null}

        <button type="submit" name="intent" value="envoyer" className="fr-btn">
          {t("messagerie.form.submit")}
        </button>
      </Form>
    </section>
  );
}
