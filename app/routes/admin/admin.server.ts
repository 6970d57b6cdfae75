/**
 * Server helpers of the administrateur's pages: the démarche id of the URL,
 * and whether a form was sent by the enhanced (JavaScript) page or by a plain browser.
 */
import { notFound } from "../../lib/request.server";
import { ENHANCED_FIELD } from "./ui/enhanced";

/** The :id of /admin/procedures/:id/…; anything but a positive integer is a 404. */
export function demarcheIdOf(params: { id?: string }): number {
  const raw = params.id ?? "";
  if (!/^[1-9]\d{0,9}$/.test(raw)) notFound();
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) notFound();
  return id;
}

/**
 * Forms sent by the enhanced page (fetchers) carry `_js=1` and get data back; plain browser
 * forms get a redirect after success (so reloading never sends the form again).
 */
export function isEnhanced(form: FormData): boolean {
  return form.get(ENHANCED_FIELD) === "1";
}

/** A positive integer form field, or null. */
export function intField(form: FormData, name: string): number | null {
  const value = form.get(name);
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
