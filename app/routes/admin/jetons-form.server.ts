/**
 * Reads the « Nouveau jeton » form into the createApiToken input, and maps its refusals to the
 * page's messages. Every field comes back as typed on a refusal (the page re-renders with it).
 */
import type { CreateApiTokenInput } from "../../../server/operations/api-tokens/create-api-token";
import { type Refusal, refusalsByField } from "../../../server/refusal";
import type { TFunction } from "../../../common/i18n";
import { formString } from "../../lib/request.server";
import { TOKEN_FIELD_IDS, type TokenFormValues } from "./ui/token-form";

export function readTokenForm(form: FormData): TokenFormValues {
  return {
    name: formString(form, "name").slice(0, 1000),
    scope: formString(form, "scope") === "some" ? "some" : "all",
    demarches: form
      .getAll("demarches")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 1000),
    access: formString(form, "access") === "write" ? "write" : "read",
    expiry: formString(form, "expiry") === "date" ? "date" : "none",
    expiresOn: formString(form, "expires_on").slice(0, 40),
    networks: formString(form, "networks").slice(0, 20_000),
  };
}

/** The operation's input, or the refusal the form itself decides (a date missing or unreadable). */
export function tokenInput(
  administrateurId: number,
  values: TokenFormValues,
): { ok: true; input: CreateApiTokenInput } | { ok: false; refusals: Refusal[] } {
  let expiresAt: Date | undefined;
  if (values.expiry === "date") {
    if (values.expiresOn.trim() === "") return { ok: false, refusals: [{ code: "expires_at_required", field: "expiresAt" }] };
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.expiresOn.trim());
    expiresAt = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T23:59:59Z`) : new Date(Number.NaN);
    if (!match || Number.isNaN(expiresAt.getTime()) || expiresAt.toISOString().slice(0, 10) !== values.expiresOn.trim()) {
      return { ok: false, refusals: [{ code: "expires_at_invalid", field: "expiresAt" }] };
    }
  }
  const demarcheNumbers =
    values.scope === "some" ? values.demarches.map((v) => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : -1)) : undefined;
  return {
    ok: true,
    input: {
      administrateurId,
      name: values.name,
      demarcheNumbers,
      readOnly: values.access === "read",
      expiresAt,
      networks: values.networks.split(/[\s,;]+/).filter((e) => e !== ""),
    },
  };
}

export function tokenErrorMessages(refusals: readonly Refusal[], t: TFunction): Record<string, string> {
  const { errors, errorParams } = refusalsByField(refusals);
  return Object.fromEntries(
    Object.entries(errors).map(([field, code]) => [
      field in TOKEN_FIELD_IDS ? field : "form",
      t(`equipe.jetons.errors.${code}` as "equipe.jetons.errors.invalid", errorParams[field]),
    ]),
  );
}
