import { formString } from "../../lib/request.server";
import { DEMARCHE_FIELDS, type DemarcheFormValues } from "./ui/demarche-form";

/** What the presentation form sent, as typed (shown again when there are errors). */
export function demarcheValuesOf(form: FormData): DemarcheFormValues {
  return Object.fromEntries(DEMARCHE_FIELDS.map((field) => [field, formString(form, field)])) as DemarcheFormValues;
}
