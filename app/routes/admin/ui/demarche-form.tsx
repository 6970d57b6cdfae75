/**
 * The presentation of a démarche (creation and edition share it): libellé, description, cadre
 * juridique, DPO contact, retention. Errors come back as keys of `admin.demarcheForm.errors`.
 */
import { Form } from "react-router";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import { CheckboxField, InputField, SelectField, TextareaField } from "../../../components/dsfr/fields";
import { ErrorSummary, useDynamicT } from "./layout";
import { ButtonGroup } from "../../../components/dsfr/button-group";

export const DEMARCHE_FIELDS = [
  "libelle",
  "description",
  "descriptionTargetAudience",
  "descriptionPj",
  "lienSiteWeb",
  "lienNotice",
  "cadreJuridique",
  "lienDpo",
  "messageFinDepot",
  "dureeConservation",
  "estimatedDurationVisible",
  "opendata",
] as const;
export type DemarcheField = (typeof DEMARCHE_FIELDS)[number];
export type DemarcheFormValues = Record<DemarcheField, string>;

/** Limits of the text fields (see server/operations/demarches/demarche-input.ts), for messages. */
const MAX_LENGTH: Partial<Record<DemarcheField, number>> = {
  cadreJuridique: 2000,
  lienDpo: 500,
  descriptionTargetAudience: 5000,
  descriptionPj: 5000,
  messageFinDepot: 5000,
  lienSiteWeb: 500,
  lienNotice: 500,
};
const FIELD_ID: Record<DemarcheField, string> = {
  libelle: "libelle",
  description: "description",
  cadreJuridique: "cadre_juridique",
  lienDpo: "lien_dpo",
  dureeConservation: "duree_conservation",
  opendata: "opendata",
  descriptionTargetAudience: "description_target_audience",
  descriptionPj: "description_pj",
  lienSiteWeb: "lien_site_web",
  lienNotice: "lien_notice",
  messageFinDepot: "message_fin_depot",
  estimatedDurationVisible: "estimated_duration_visible",
};

export function DemarcheForm({
  values,
  errors,
  submitLabel,
  cancelHref,
}: {
  values: DemarcheFormValues;
  errors: Partial<Record<string, string>> | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useT();
  const dt = useDynamicT();
  const label = (field: DemarcheField) => t(`admin.demarcheForm.fields.${field}`);
  const message = (field: DemarcheField) => {
    const key = errors?.[field];
    return key ? dt(`admin.demarcheForm.errors.${key}`, { max: MAX_LENGTH[field] ?? "" }) : null;
  };
  /** What every field takes from the form: its id, name, texts, value and error. */
  const fieldProps = (field: DemarcheField) => ({
    id: FIELD_ID[field],
    name: field,
    label: label(field),
    hint: t(`admin.demarcheForm.hints.${field}`),
    defaultValue: values[field],
    error: message(field),
  });
  const summary = DEMARCHE_FIELDS.flatMap((field) => {
    const text = message(field);
    return text ? [{ fieldId: FIELD_ID[field], label: label(field), message: text }] : [];
  });
  if (errors?.form) summary.push({ fieldId: "libelle", label: "", message: dt(`admin.demarcheForm.errors.${errors.form}`) });
  return (
    <>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <p className="fr-hint-text">{t("common.requiredHint")}</p>
        <InputField {...fieldProps("libelle")} required maxLength={200} />
        <TextareaField {...fieldProps("description")} required rows={8} />
        <TextareaField {...fieldProps("descriptionTargetAudience")} rows={4} />
        <TextareaField {...fieldProps("descriptionPj")} rows={4} />
        <InputField {...fieldProps("lienSiteWeb")} type="url" autoComplete="url" />
        <InputField {...fieldProps("lienNotice")} type="url" autoComplete="off" />
        <InputField {...fieldProps("cadreJuridique")} />
        <InputField {...fieldProps("lienDpo")} autoComplete="off" />
        <TextareaField {...fieldProps("messageFinDepot")} rows={4} />
        <SelectField {...fieldProps("dureeConservation")} required>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((months) => (
            <option key={months} value={String(months)}>
              {t("admin.demarcheForm.months", { count: months })}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          {...fieldProps("estimatedDurationVisible")}
          defaultValue={undefined}
          defaultChecked={values.estimatedDurationVisible === "on"}
        />
        <CheckboxField {...fieldProps("opendata")} defaultValue={undefined} defaultChecked={values.opendata === "on"} />
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title fr-h6">{t("admin.demarcheForm.public.legend")}</h2>
          <p className="fr-callout__text">
            <strong>{t("admin.demarcheForm.public.particuliers")}</strong>
            {" – "}
            {t("admin.demarcheForm.public.info")}
          </p>
        </div>
        <ButtonGroup inline="md">
          <button type="submit" className="fr-btn">
            {submitLabel}
          </button>
          <a className="fr-btn fr-btn--secondary" href={cancelHref}>
            {t("common.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </>
  );
}
