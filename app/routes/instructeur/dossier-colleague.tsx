/** « Envoyer à un collègue »: other instructeurs of the groupe (checkboxes) and an optional message. */
import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { TextareaField } from "../../components/dsfr/fields";
import { useT } from "../../lib/i18n";

export interface ColleagueFormState {
  values: { instructeurIds: number[]; message: string };
  errors: { colleagues?: string; message?: string };
}

export function DossierColleague({
  colleagues,
  posted,
  messageMax,
}: {
  colleagues: Array<{ instructeurId: number; email: string }>;
  posted: ColleagueFormState | null;
  messageMax: number;
}) {
  const t = useT();
  const errors = posted?.errors ?? {};
  return (
    <section aria-labelledby="collegue-title" className="fr-mb-4w" id="collegue">
      <h2 id="collegue-title" className="fr-h4">
        {t("notifications.colleague.title")}
      </h2>
      {colleagues.length === 0 ? (
        <p>{t("notifications.colleague.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="send_to_colleague" />
          <p className="fr-text--sm">{t("notifications.colleague.intro")}</p>
          <fieldset
            className={`fr-fieldset${errors.colleagues ? " fr-fieldset--error" : ""}`}
            aria-labelledby={errors.colleagues ? "collegue-legend collegue-error" : "collegue-legend"}
            id="colleagues"
          >
            <legend className="fr-fieldset__legend fr-text--regular" id="collegue-legend">
              {t("notifications.colleague.recipients")}
              <span aria-hidden="true"> *</span>
            </legend>
            {colleagues.map((c) => (
              <div className="fr-fieldset__element" key={c.instructeurId}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`collegue-${c.instructeurId}`}
                    name="instructeurIds"
                    value={c.instructeurId}
                    defaultChecked={posted?.values.instructeurIds.includes(c.instructeurId) ?? false}
                  />
                  <label className="fr-label" htmlFor={`collegue-${c.instructeurId}`}>
                    {c.email}
                  </label>
                </div>
              </div>
            ))}
            {errors.colleagues ? (
              <div className="fr-messages-group" id="collegue-error" aria-live="polite">
                <p className="fr-message fr-message--error">{errors.colleagues}</p>
              </div>
            ) : null}
          </fieldset>
          <TextareaField
            id="collegue-message"
            name="message"
            rows={3}
            maxLength={messageMax * 2}
            label={t("notifications.colleague.message")}
            hint={t("notifications.colleague.messageHint")}
            error={errors.message}
            defaultValue={posted?.values.message ?? ""}
          />
          <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
            {t("notifications.colleague.send")}
          </button>
        </Form>
      )}
    </section>
  );
}
