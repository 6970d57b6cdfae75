/**
 * Options inputs of `formatted`: the mode, then its rules. Without JavaScript both sets of rules
 * are shown (each titled with its mode); once interactive only the chosen mode's set is.
 */
import { useState } from "react";
import type { FormattedEditorValues } from "../../../../../server/domain/demarches/options-editors/formatted";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { useHydrated } from "../enhanced";
import { CheckboxField, InputField, SelectField } from "../../../../components/dsfr/fields";

export function FormattedOptions({ id, values, error }: OptionsFieldsProps<FormattedEditorValues>) {
  const t = useT();
  const hydrated = useHydrated();
  const [mode, setMode] = useState(values.formattedMode);
  const kindsError = error("lettersAccepted");
  return (
    <>
      <SelectField
        id={`${id}-formattedMode`}
        name="formattedMode"
        label={t("admin.champOptions.formatted.mode")}
        defaultValue={values.formattedMode}
        onChange={(event) => setMode(event.currentTarget.value)}
        error={error("formattedMode")}
      >
        <option value="simple">{t("admin.champOptions.formatted.simple")}</option>
        <option value="advanced">{t("admin.champOptions.formatted.advanced")}</option>
      </SelectField>
      <fieldset
        className={kindsError ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
        hidden={hydrated && mode === "advanced"}
        aria-labelledby={`${id}-simple-legend`}
      >
        <legend className="fr-fieldset__legend" id={`${id}-simple-legend`}>
          {t("admin.champOptions.formatted.simpleLegend")}
        </legend>
        <div className="fr-fieldset__element">
          <CheckboxField
            id={`${id}-lettersAccepted`}
            name="lettersAccepted"
            label={t("admin.champOptions.formatted.letters")}
            defaultChecked={values.lettersAccepted}
            error={kindsError}
          />
        </div>
        <div className="fr-fieldset__element">
          <CheckboxField
            id={`${id}-numbersAccepted`}
            name="numbersAccepted"
            label={t("admin.champOptions.formatted.numbers")}
            defaultChecked={values.numbersAccepted}
          />
        </div>
        <div className="fr-fieldset__element">
          <CheckboxField
            id={`${id}-specialCharactersAccepted`}
            name="specialCharactersAccepted"
            label={t("admin.champOptions.formatted.special")}
            hint={t("admin.champOptions.formatted.specialHint")}
            defaultChecked={values.specialCharactersAccepted}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <InputField
            id={`${id}-minLength`}
            name="minLength"
            label={t("admin.champOptions.formatted.minLength")}
            inputMode="numeric"
            defaultValue={values.minLength}
            error={error("minLength")}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <InputField
            id={`${id}-maxLength`}
            name="maxLength"
            label={t("admin.champOptions.formatted.maxLength")}
            inputMode="numeric"
            defaultValue={values.maxLength}
            error={error("maxLength")}
          />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset" hidden={hydrated && mode !== "advanced"} aria-labelledby={`${id}-advanced-legend`}>
        <legend className="fr-fieldset__legend" id={`${id}-advanced-legend`}>
          {t("admin.champOptions.formatted.advancedLegend")}
        </legend>
        <div className="fr-fieldset__element">
          <InputField
            id={`${id}-regex`}
            name="regex"
            label={t("admin.champOptions.formatted.regex")}
            hint={t("admin.champOptions.formatted.regexHint")}
            spellCheck={false}
            autoComplete="off"
            defaultValue={values.regex}
            error={error("regex")}
          />
        </div>
        <div className="fr-fieldset__element">
          <InputField
            id={`${id}-regexExample`}
            name="regexExample"
            label={t("admin.champOptions.formatted.example")}
            hint={t("admin.champOptions.formatted.exampleHint")}
            defaultValue={values.regexExample}
            error={error("regexExample")}
          />
        </div>
        <div className="fr-fieldset__element">
          <InputField
            id={`${id}-regexIndications`}
            name="regexIndications"
            label={t("admin.champOptions.formatted.indications")}
            hint={t("admin.champOptions.formatted.indicationsHint")}
            defaultValue={values.regexIndications}
            error={error("regexIndications")}
          />
        </div>
        <div className="fr-fieldset__element">
          <InputField
            id={`${id}-regexErrorMessage`}
            name="regexErrorMessage"
            label={t("admin.champOptions.formatted.errorMessage")}
            hint={t("admin.champOptions.formatted.errorMessageHint")}
            defaultValue={values.regexErrorMessage}
            error={error("regexErrorMessage")}
          />
        </div>
      </fieldset>
    </>
  );
}
