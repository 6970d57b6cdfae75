/** Inputs of the sharing operations (invitations, transfers), with their refusal codes. */
import { z } from "zod";

/** An e-mail typed in a form: trimmed and lower-cased, as `users.email`. */
export const ZTargetEmail = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

export const INVITE_MESSAGE_MAX_LENGTH = 2000;

/** The e-mail field's refusal: `email_required` when blank, `email_invalid` otherwise. */
export function emailRefusalCode(raw: unknown): "email_required" | "email_invalid" {
  return typeof raw !== "string" || raw.trim() === "" ? "email_required" : "email_invalid";
}
