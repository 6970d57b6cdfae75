/** The dossier's labels: shown as tags, and a form of checkboxes to change them (works without JavaScript). */
import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { LabelTags, type LabelTagView } from "../../components/notifications/label-tags";
import { useT } from "../../lib/i18n";

export function DossierLabels({
  available,
  selected,
  error,
}: {
  available: LabelTagView[];
  selected: number[];
  error: string | null;
}) {
  const t = useT();
  const chosen = available.filter((l) => selected.includes(l.id));
  return (
    <section aria-labelledby="labels-title" className="fr-mb-4w" id="labels">
      <h2 id="labels-title" className="fr-h4">
        {t("notifications.labels.dossier.title")}
      </h2>
      {chosen.length > 0 ? <LabelTags labels={chosen} /> : <p>{t("notifications.labels.dossier.none")}</p>}
      {available.length === 0 ? (
        <p className="fr-text--sm">{t("notifications.labels.dossier.noneDefined")}</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="labels" />
          <fieldset
            className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
            aria-labelledby={error ? "labels-legend labels-error" : "labels-legend"}
          >
            <legend className="fr-fieldset__legend fr-text--regular" id="labels-legend">
              {t("notifications.labels.dossier.legend")}
            </legend>
            {available.map((label) => (
              <div className="fr-fieldset__element" key={label.id}>
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`label-${label.id}`}
                    name="labelIds"
                    value={label.id}
                    defaultChecked={selected.includes(label.id)}
                  />
                  <label className="fr-label" htmlFor={`label-${label.id}`}>
                    {label.name}
                  </label>
                </div>
              </div>
            ))}
            {error ? (
              <div className="fr-messages-group" id="labels-error" aria-live="polite">
                <p className="fr-message fr-message--error">{error}</p>
              </div>
            ) : null}
          </fieldset>
          <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
            {t("notifications.labels.dossier.save")}
          </button>
        </Form>
      )}
    </section>
  );
}
