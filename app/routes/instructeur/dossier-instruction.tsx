/**
 * « Instruction »: the state changes the instructeur may make now (`events`, computed by the state
 * machine on the server), and the decision form with its motivation. Without JavaScript each is a
 * plain POST form; a refusal comes back with what was typed and the error on its field.
 */
import { Form } from "react-router";
import type { DossierEvent } from "../../../server/domain/dossier/transitions";
import { quotedLibelles } from "../../../server/domain/form/libelles";
import { CsrfInput } from "../../components/csrf-input";
import { TextareaField, UploadField } from "../../components/dsfr/fields";
import { useT } from "../../lib/i18n";
import { type ActionData, type ActionError, DECISION_NAMES, actionErrorMessage } from "./dossier-page";

export function DossierInstruction({
  events,
  incompleteAnnotations,
  motivationMax,
  actionData,
}: {
  events: readonly DossierEvent[];
  incompleteAnnotations: readonly string[];
  motivationMax: number;
  actionData: ActionData | undefined;
}) {
  const t = useT();
  const errors = actionData?.errors ?? [];
  const values = actionData?.intent === "decision" ? actionData.values : { decision: "", motivation: "" };
  const errorFor = (field: ActionError["field"]) => errors.find((e) => e.field === field);
  const message = (e: ActionError) => actionErrorMessage(t, e);
  const decisionError = errorFor("decision");
  const motivationError = errorFor("motivation");
  const justificatifError = errorFor("justificatif");
  const canDecide = events.includes("accepter");
  return (
    <section aria-labelledby="instruction" className="fr-mb-4w">
      <h2 id="instruction" className="fr-h4">
        {t("instructeur.dossier.actions")}
      </h2>
      {events.length === 0 ? <p>{t("instructeur.dossier.noActions")}</p> : null}

      {events.includes("passer_en_instruction") ? (
        <Form method="post" className="fr-mb-2w">
          <CsrfInput />
          <input type="hidden" name="intent" value="passer_en_instruction" />
          <button type="submit" className="fr-btn">
            {t("dossiers.events.passer_en_instruction")}
          </button>
        </Form>
      ) : null}

      {events.includes("repasser_en_construction") ? (
        <Form method="post" className="fr-mb-3w">
          <CsrfInput />
          <input type="hidden" name="intent" value="repasser_en_construction" />
          <p className="fr-hint-text fr-mb-1v" id="repasser-en-construction-hint">
            {t("instructeur.dossier.repasserEnConstructionHint")}
          </p>
          <button type="submit" className="fr-btn fr-btn--secondary" aria-describedby="repasser-en-construction-hint">
            {t("dossiers.events.repasser_en_construction")}
          </button>
        </Form>
      ) : null}

      {canDecide && incompleteAnnotations.length > 0 ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="annotations-a-completer">
          <p>
            {t("instructeur.dossier.decision.annotationsIncompletes", {
              champs: quotedLibelles(incompleteAnnotations),
            })}{" "}
            <a href="#annotations">{t("instructeur.dossier.decision.annotationsLink")}</a>
          </p>
        </div>
      ) : null}
      {canDecide ? (
        <Form
          method="post"
          encType="multipart/form-data"
          key={actionData ? JSON.stringify(actionData.values) : "decision"}
          noValidate
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="decision" />
          <fieldset
            className={`fr-fieldset${decisionError ? " fr-fieldset--error" : ""}`}
            aria-labelledby={`decision-legend${decisionError ? " decision-error" : ""}`}
            role={decisionError ? "group" : undefined}
          >
            <legend className="fr-fieldset__legend fr-text--regular" id="decision-legend">
              {t("instructeur.dossier.decision.legend")}
              <span className="fr-hint-text">{t("instructeur.dossier.decision.hint")}</span>
            </legend>
            {DECISION_NAMES.map((name) => (
              <div className="fr-fieldset__element" key={name}>
                <div className="fr-radio-group">
                  <input
                    type="radio"
                    id={`decision-${name}`}
                    name="decision"
                    value={name}
                    defaultChecked={values.decision === name}
                  />
                  <label className="fr-label" htmlFor={`decision-${name}`}>
                    {t(`instructeur.dossier.decision.${name}`)}
                  </label>
                </div>
              </div>
            ))}
            {decisionError ? (
              <div className="fr-messages-group" id="decision-error" aria-live="polite">
                <p className="fr-message fr-message--error">{message(decisionError)}</p>
              </div>
            ) : null}
          </fieldset>
          <TextareaField
            id="motivation"
            name="motivation"
            rows={6}
            maxLength={motivationMax}
            label={t("instructeur.dossier.decision.motivation")}
            hint={t("instructeur.dossier.decision.motivationHint")}
            error={motivationError ? message(motivationError) : undefined}
            defaultValue={values.motivation}
          />
          <UploadField
            id="justificatif"
            name="justificatif"
            label={t("instructeur.dossier.decision.justificatif")}
            hint={t("instructeur.dossier.decision.justificatifHint")}
            error={justificatifError ? message(justificatifError) : undefined}
          />
          <button type="submit" className="fr-btn">
            {t("instructeur.dossier.decision.submit")}
          </button>
        </Form>
      ) : null}

      {events.includes("repasser_en_instruction") ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="repasser_en_instruction" />
          <p className="fr-hint-text fr-mb-1v" id="repasser-en-instruction-hint">
            {t("instructeur.dossier.repasserEnInstructionHint")}
          </p>
          <button type="submit" className="fr-btn fr-btn--secondary" aria-describedby="repasser-en-instruction-hint">
            {t("dossiers.events.repasser_en_instruction")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
