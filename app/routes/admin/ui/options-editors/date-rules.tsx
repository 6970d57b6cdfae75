/** Options inputs of `date` and `datetime`: past only, first and last accepted days. */
import type { DateRulesEditorValues } from "../../../../../server/domain/demarches/options-editors/date-rules";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { CheckboxField, InputField } from "../../../../components/dsfr/fields";

export function DateRulesOptions({ id, values, error }: OptionsFieldsProps<DateRulesEditorValues>) {
  const t = useT();
  return (
    <>
      <CheckboxField
        id={`${id}-dateInPast`}
        name="dateInPast"
        label={t("admin.champOptions.date.past")}
        hint={t("admin.champOptions.date.pastHint")}
        defaultChecked={values.dateInPast}
        className="fr-mb-2w"
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <InputField
            id={`${id}-startDate`}
            name="startDate"
            type="date"
            label={t("admin.champOptions.date.start")}
            hint={t("admin.champOptions.date.boundHint")}
            defaultValue={values.startDate}
            error={error("startDate")}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <InputField
            id={`${id}-endDate`}
            name="endDate"
            type="date"
            label={t("admin.champOptions.date.end")}
            hint={t("admin.champOptions.date.boundHint")}
            defaultValue={values.endDate}
            error={error("endDate")}
          />
        </div>
      </div>
    </>
  );
}
