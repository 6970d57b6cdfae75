/** Options inputs of `integer_number` and `decimal_number`: positive only, minimum, maximum. */
import type { NumberRulesEditorValues } from "../../../../../server/domain/demarches/options-editors/number-rules";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { CheckboxField, InputField } from "../../../../components/dsfr/fields";

function NumberRulesOptions({ id, values, error, decimal }: OptionsFieldsProps<NumberRulesEditorValues> & { decimal: boolean }) {
  const t = useT();
  return (
    <>
      <CheckboxField
        id={`${id}-positiveNumber`}
        name="positiveNumber"
        label={t("admin.champOptions.number.positive")}
        defaultChecked={values.positiveNumber}
        className="fr-mb-2w"
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <InputField
            id={`${id}-minNumber`}
            name="minNumber"
            label={t("admin.champOptions.number.min")}
            hint={t("admin.champOptions.number.boundHint")}
            inputMode={decimal ? "decimal" : "numeric"}
            defaultValue={values.minNumber}
            error={error("minNumber")}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <InputField
            id={`${id}-maxNumber`}
            name="maxNumber"
            label={t("admin.champOptions.number.max")}
            hint={t("admin.champOptions.number.boundHint")}
            inputMode={decimal ? "decimal" : "numeric"}
            defaultValue={values.maxNumber}
            error={error("maxNumber")}
          />
        </div>
      </div>
    </>
  );
}

export function IntegerNumberOptions(props: OptionsFieldsProps<NumberRulesEditorValues>) {
  return <NumberRulesOptions {...props} decimal={false} />;
}

export function DecimalNumberOptions(props: OptionsFieldsProps<NumberRulesEditorValues>) {
  return <NumberRulesOptions {...props} decimal />;
}
