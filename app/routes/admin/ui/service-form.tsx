/** The service card form (creation and edition): errors are keys of `presentation.service.errors`. */
import { Form } from "react-router";
import { SERVICE_FIELDS, type ServiceField, TYPES_ORGANISME } from "../../../../server/domain/demarches/service-card";
import { CsrfInput } from "../../../components/csrf-input";
import { ButtonGroup } from "../../../components/dsfr/button-group";
import { InputField, SelectField, TextareaField } from "../../../components/dsfr/fields";
import { useT } from "../../../lib/i18n";
import { ErrorSummary, useDynamicT } from "./layout";

export type ServiceFormValues = Record<ServiceField, string>;
export const EMPTY_SERVICE: ServiceFormValues = {
  nom: "",
  organisme: "",
  typeOrganisme: "",
  siret: "",
  email: "",
  telephone: "",
  horaires: "",
  adresse: "",
};

const FIELD_ID = (field: ServiceField) => `service_${field}`;

export function ServiceForm({
  values,
  errors,
  submitLabel,
  cancelHref,
}: {
  values: ServiceFormValues;
  errors: Partial<Record<string, string>> | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useT();
  const dt = useDynamicT();
  const label = (field: ServiceField) => t(`presentation.service.fields.${field}`);
  const message = (field: ServiceField) => {
    const key = errors?.[field];
    return key ? dt(`presentation.service.errors.${key}`) : null;
  };
  const props = (field: ServiceField) => {
    const hint = t(`presentation.service.hints.${field}`);
    return {
      id: FIELD_ID(field),
      name: field,
      label: label(field),
      hint: hint === "" ? undefined : hint,
      defaultValue: values[field],
      error: message(field),
      required: true,
    };
  };
  const summary = SERVICE_FIELDS.flatMap((field) => {
    const text = message(field);
    return text ? [{ fieldId: FIELD_ID(field), label: label(field), message: text }] : [];
  });
  return (
    <>
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <CsrfInput />
        <p className="fr-hint-text">{t("common.requiredHint")}</p>
        <InputField {...props("nom")} maxLength={200} />
        <InputField {...props("organisme")} maxLength={300} />
        <SelectField {...props("typeOrganisme")}>
          <option value="">{t("presentation.service.choosePlaceholder")}</option>
          {TYPES_ORGANISME.map((type) => (
            <option key={type} value={type}>
              {t(`presentation.service.types.${type}`)}
            </option>
          ))}
        </SelectField>
        <InputField {...props("siret")} inputMode="numeric" autoComplete="off" />
        <InputField {...props("email")} type="email" autoComplete="email" />
        <InputField {...props("telephone")} type="tel" autoComplete="tel" />
        <TextareaField {...props("horaires")} rows={3} />
        <TextareaField {...props("adresse")} rows={3} />
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
