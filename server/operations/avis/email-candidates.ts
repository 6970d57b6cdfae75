import { splitEmailList } from "../../domain/demarches/email-list";
import { AVIS_MAX_EMAILS } from "../../domain/avis/rules";
import { type Refused, refuse } from "../../refusal";
import { ZEmailField } from "../accounts/fields";

/** The addresses typed in an `emails` box, or why not (codes of `avis.errors`, on `emails`). */
export function parseEmails(text: string, max = AVIS_MAX_EMAILS): { ok: true; emails: string[] } | Refused {
  if (text.length > 20_000) return refuse("emails_too_many", "emails", { max: String(max) });
  const candidates = splitEmailList(text);
  if (candidates.length === 0) return refuse("emails_required", "emails");
  if (candidates.length > max) return refuse("emails_too_many", "emails", { max: String(max) });
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const candidate of candidates) {
    const parsed = ZEmailField.safeParse(candidate);
    if (parsed.success) emails.push(parsed.data);
    else invalid.push(candidate);
  }
  if (invalid.length > 0) return refuse("emails_invalid", "emails", { emails: invalid.join(", ") });
  return { ok: true, emails };
}
