/**
 * Outgoing webhooks (issue 15): what a subscription may hold, how a delivery is signed and when it
 * is retried. Signature: HMAC-SHA256 with the subscription's secret over `${timestamp}.${body}`,
 * sent as `X-Guichet-Signature: v1=<hex>` with `X-Guichet-Timestamp: <unix seconds>` so that a
 * receiver refuses old (replayed) requests (signature.ts). Pure: no I/O; no node built-in, the
 * administrateur's page imports it.
 */
import { EVENT_KINDS, type EventKind, isEventKind } from "../events/kinds";

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const MAX_SUBSCRIPTIONS_PER_DEMARCHE = 20;
/** After this many failed attempts a delivery is given up (`failed`); the next one of its dossier goes. */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Deliveries one job sends before handing over to a fresh job (a long backlog never holds a worker). */
export const DELIVERIES_PER_RUN = 100;
/** Replaying a time range re-sends at most this many deliveries at once. */
export const MAX_REPLAY = 1000;

export const SIGNATURE_HEADER = "X-Guichet-Signature";
export const TIMESTAMP_HEADER = "X-Guichet-Timestamp";
export const EVENT_HEADER = "X-Guichet-Event";
export const DELIVERY_HEADER = "X-Guichet-Delivery";

/** Every kind a subscription may choose, in the registry's order. */
export const WEBHOOK_EVENT_KINDS = Object.keys(EVENT_KINDS) as EventKind[];

export type WebhookUrlRefusal = "required" | "invalid" | "protocol" | "credentials" | "too_long";

/** The syntax of a receiver URL: http(s), no user:password, at most 2000 characters. Addresses are checked by server/security/outbound-url.ts. */
export function parseWebhookUrl(input: unknown): { ok: true; url: string } | { ok: false; code: WebhookUrlRefusal } {
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "") return { ok: false, code: "required" };
  if (text.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, code: "too_long" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, code: "invalid" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, code: "protocol" };
  if (url.username !== "" || url.password !== "") return { ok: false, code: "credentials" };
  if (url.hostname === "") return { ok: false, code: "invalid" };
  return { ok: true, url: url.toString() };
}

/** The kinds ticked in the form: known kinds only, deduplicated; none means every kind. */
export function parseEventKinds(values: readonly unknown[]): { ok: true; kinds: EventKind[] } | { ok: false } {
  const kinds: EventKind[] = [];
  for (const value of values) {
    if (!isEventKind(value)) return { ok: false };
    if (!kinds.includes(value)) kinds.push(value);
  }
  return { ok: true, kinds };
}

export function subscribes(eventKinds: readonly string[], kind: EventKind): boolean {
  return eventKinds.length === 0 || eventKinds.includes(kind);
}

/** Wait before the next attempt after `attempts` failures: 30 s doubling each time, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface WebhookEvent {
  id: number;
  kind: EventKind;
  demarcheId: number;
  dossierId: number | null;
  actor: string;
  payload: unknown;
  createdAt: Date;
}

/** The JSON body of a subscription's delivery. */
export function webhookBody(deliveryId: number, event: WebhookEvent): string {
  return JSON.stringify({
    delivery: deliveryId,
    event: {
      id: event.id,
      kind: event.kind,
      createdAt: event.createdAt.toISOString(),
      demarche: { number: event.demarcheId },
      dossier: event.dossierId === null ? null : { number: event.dossierId },
      actor: event.actor,
      data: event.payload,
    },
  });
}

/** Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(date: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A `datetime-local` input (`2026-03-15T10:00`) read as Paris wall-clock time; null when malformed. */
export function parisLocalToDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const first = asUtc - parisOffsetMinutes(check) * 60_000;
  return new Date(asUtc - parisOffsetMinutes(new Date(first)) * 60_000);
}

/** The reference's `updated_at` as Rails sends a time in a form: `2026-03-15 10:00:00 +0100` (Paris). */
export function railsTime(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = /GMT([+-]\d{2}):(\d{2})/.exec(parts.timeZoneName ?? "");
  const zone = offset ? `${offset[1]}${offset[2]}` : "+0000";
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zone}`;
}

/** The form body of the legacy `web_hook_url`. */
export function legacyWebHookBody(input: { demarcheId: number; dossierId: number; state: string; updatedAt: Date }): string {
  return new URLSearchParams({
    procedure_id: String(input.demarcheId),
    dossier_id: String(input.dossierId),
    state: input.state,
    updated_at: railsTime(input.updatedAt),
  }).toString();
}
