/**
 * Server helpers shared by the usager's pages: dossier number from the URL, scope failures as 404,
 * and dates formatted for display.
 */
import { data, type RouterContextProvider } from "react-router";
import type { Locale } from "../../../common/i18n";
import { getT } from "../../../common/i18n";
import { findSharedUsagerDossier } from "../../../server/lookups/scoped-dossier";
import { currentUser } from "../../lib/persona-guard.server";
import { notFound, services } from "../../lib/request.server";

/** The dossier number of `/dossiers/:id…`; anything else is a 404 (never a 500). */
export function dossierIdParam(raw: string | undefined): number {
  const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

/** Dates are shown in the time zone of the French administration, whatever the server's. */
const TIME_ZONE = "Europe/Paris";
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "29 novembre 2026" / "29 November 2026". */
export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** "29 novembre 2026 à 14 h 32" / "29 November 2026 at 14:32". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).formatToParts(toDate(value));
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  const time = locale === "fr" ? `${Number(hour)} h ${minute}` : `${hour}:${minute}`;
  return getT(locale)("usager.dateAt", { date: formatDate(value, locale), time });
}

/** Personal pages are never stored by shared caches or kept by the browser's back-forward cache as is. */
export function noStoreHeaders() {
  return { "Cache-Control": "private, no-store" };
}

/**
 * The action of a read-only dossier page: nothing can be posted there, but the answer must not
 * reveal the dossier — 404 for anyone but the owner (as for GET), 405 for the owner.
 */
export async function readOnlyDossierAction({
  params,
  context,
}: {
  params: { id?: string };
  context: Readonly<RouterContextProvider>;
}) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  await findSharedUsagerDossier(services(context).db, user.id, id);
  throw data(null, { status: 405, headers: { Allow: "GET, HEAD" } });
}
