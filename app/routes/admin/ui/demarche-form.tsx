/**
 * The presentation of a démarche (creation and edition share it): libellé, description, cadre
 * juridique, DPO contact, retention. Errors come back as keys of `admin.demarcheForm.errors`.
 */
import { Form } from "react-router";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import { InputField, SelectField, TextareaField } from "./fields";
import { ErrorSummary, useDynamicT } from "./layout";

export const DEMARCHE_FIELDS = ["libelle", "description", "cadreJuridique", "lienDpo", "dureeConservation"] as const;
export type DemarcheField = (typeof DEMARCHE_FIELDS)[number];
export type DemarcheFormValues = Record<DemarcheField, string>;

/** Limits of the text fields (see server/operations/demarches/demarche-input.ts), for messages. */
const MAX_LENGTH: Partial<Record<DemarcheField, number>> = { cadreJuridique: 2000, lienDpo: 500 };
const FIELD_ID: Record<DemarcheField, string> = {
  libelle: "libelle",
  description: "description",
  cadreJuridique: "cadre_juridique",
  lienDpo: "lien_dpo",
  dureeConservation: "duree_conservation",
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
        <InputField
          id={FIELD_ID.libelle}
          name="libelle"
          label={label("libelle")}
          hint={t("admin.demarcheForm.hints.libelle")}
          required
          maxLength={200}
          defaultValue={values.libelle}
          error={message("libelle")}
        />
        <TextareaField
          id={FIELD_ID.description}
          name="description"
          label={label("description")}
          hint={t("admin.demarcheForm.hints.description")}
          required
          rows={8}
          defaultValue={values.description}
          error={message("description")}
        />
        <InputField
          id={FIELD_ID.cadreJuridique}
          name="cadreJuridique"
          label={label("cadreJuridique")}
          hint={t("admin.demarcheForm.hints.cadreJuridique")}
          defaultValue={values.cadreJuridique}
          error={message("cadreJuridique")}
        />
        <InputField
          id={FIELD_ID.lienDpo}
          name="lienDpo"
          label={label("lienDpo")}
          hint={t("admin.demarcheForm.hints.lienDpo")}
          autoComplete="off"
          defaultValue={values.lienDpo}
          error={message("lienDpo")}
        />
        <SelectField
          id={FIELD_ID.dureeConservation}
          name="dureeConservation"
          label={label("dureeConservation")}
          hint={t("admin.demarcheForm.hints.dureeConservation")}
          required
          defaultValue={values.dureeConservation}
          error={message("dureeConservation")}
        >
          {Array.from({ length: 12 }, (_, i) => i + 1).map((months) => (
            <option key={months} value={String(months)}>
              {t("admin.demarcheForm.months", { count: months })}
            </option>
          ))}
        </SelectField>
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title fr-h6">{t("admin.demarcheForm.public.legend")}</h2>
          <p className="fr-callout__text">
            <strong>{t("admin.demarcheForm.public.particuliers")}</strong>
            {" – "}
            {t("admin.demarcheForm.public.info")}
          </p>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn">
              {submitLabel}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={cancelHref}>
              {t("common.cancel")}
            </a>
          </li>
        </ul>
      </Form>
    </>
  );
}
