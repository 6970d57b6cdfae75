/**
 * Instructeur notifications (the reference's `DossierNotification`), computed from the event stream
 * (decision 0009): a badge is an event of interest newer than what this instructeur last saw of the
 * tab it belongs to, or a state of the dossier (not taken in charge, expiring). Pure rules; the
 * query `server/queries/instructeur/notifications.ts` reads the events and views.
 */

/** The reference's notification types, in its order of importance (most important first). */
export const NOTIFICATION_TYPES = [
  "dossier_depose",
  "dossier_expirant",
  "dossier_suppression",
  "dossier_modifie",
  "message",
  "annotation_instructeur",
  "avis_externe",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The dossier page's tabs: each keeps the last event id the instructeur saw in it. */
export const DOSSIER_SECTIONS = ["demande", "annotations", "messagerie", "avis"] as const;
export type DossierSection = (typeof DOSSIER_SECTIONS)[number];

/** Which tab clears each type (state-based types clear when the state changes, not when seen). */
export const SECTION_OF: Record<NotificationType, DossierSection | null> = {
  dossier_depose: null,
  dossier_expirant: null,
  dossier_suppression: "demande",
  dossier_modifie: "demande",
  message: "messagerie",
  annotation_instructeur: "annotations",
  avis_externe: "avis",
};

/** A dossier en construction this long after its dépôt without anyone following it is « not taken in charge ». */
export const NOT_TAKEN_IN_CHARGE_AFTER_DAYS = 7;

/**
 * Event kinds that notify, and the type they notify as. Kinds recorded by other capabilities
 * (messagerie, avis, expiration) are named here as strings so that badges follow them as soon as
 * they are recorded. `dossier.modifie` notifies as a modified dossier (the usager's fields) or an
 * annotation (an instructeur's private fields).
 */
export function notificationTypeOf(kind: string, payload: unknown): NotificationType | null {
  switch (kind) {
    case "dossier.modifie":
      return (payload as { stream?: string } | null)?.stream === "private" ? "annotation_instructeur" : "dossier_modifie";
    case "message.envoye":
      return "message";
    case "avis.rendu":
      return "avis_externe";
    case "dossier.supprime":
    case "dossier.supprime_par_usager":
      return "dossier_suppression";
    case "dossier.expirant":
      return "dossier_expirant";
    default:
      return null;
  }
}

/** The kinds `notificationTypeOf` reads, for the query's WHERE clause. */
export const NOTIFYING_KINDS = [
  "dossier.modifie",
  "message.envoye",
  "avis.rendu",
  "dossier.supprime",
  "dossier.supprime_par_usager",
  "dossier.expirant",
] as const;

/** Types that concern every instructeur of the groupe; the others only those who follow the dossier (reference defaults). */
export const NOTIFY_ALL_GROUPE: ReadonlySet<NotificationType> = new Set([
  "dossier_depose",
  "dossier_expirant",
  "dossier_suppression",
]);

export interface SeenIds {
  demande: number;
  annotations: number;
  messagerie: number;
  avis: number;
}
export const NOTHING_SEEN: SeenIds = { demande: 0, annotations: 0, messagerie: 0, avis: 0 };

export interface DossierFacts {
  state: string;
  deposeAt: Date | null;
  followedByMe: boolean;
  followedByAnyone: boolean;
  /** When I started following: what happened before is not news to me. */
  followedSince: Date | null;
}

/** One notifying event by someone else (the query leaves out my own). */
export interface EventFact {
  id: number;
  kind: string;
  payload: unknown;
  createdAt: Date;
}

/** The badges of one dossier for one instructeur, most important first. */
export function badgesOf(facts: DossierFacts, events: readonly EventFact[], seen: SeenIds, now: Date): NotificationType[] {
  const found = new Set<NotificationType>();
  const limit = new Date(now.getTime() - NOT_TAKEN_IN_CHARGE_AFTER_DAYS * 86_400_000);
  if (facts.state === "en_construction" && facts.deposeAt && facts.deposeAt <= limit && !facts.followedByAnyone) {
    found.add("dossier_depose");
  }
  for (const event of events) {
    const type = notificationTypeOf(event.kind, event.payload);
    if (!type) continue;
    if (!NOTIFY_ALL_GROUPE.has(type)) {
      if (!facts.followedByMe) continue;
      if (facts.followedSince && event.createdAt < facts.followedSince) continue;
    }
    const section = SECTION_OF[type];
    if (section !== null && event.id <= seen[section]) continue;
    found.add(type);
  }
  return NOTIFICATION_TYPES.filter((type) => found.has(type));
}

/** The section a type's badge is shown on, for the dossier page's tabs. */
export function badgesBySection(types: readonly NotificationType[]): Partial<Record<DossierSection, NotificationType[]>> {
  const out: Partial<Record<DossierSection, NotificationType[]>> = {};
  for (const type of types) {
    const section = SECTION_OF[type] ?? "demande";
    out[section] = [...(out[section] ?? []), type];
  }
  return out;
}

// ---------------------------------------------------------------- e-mail preferences

export const NOTIFICATION_PREFERENCES = [
  "instantEmailNewDossier",
  "instantEmailNewMessage",
  "instantEmailNewExpertAvis",
  "dailyEmailSummary",
  "weeklyEmailSummary",
] as const;
export type NotificationPreference = (typeof NOTIFICATION_PREFERENCES)[number];
export type NotificationPreferences = Record<NotificationPreference, boolean>;

/** The reference's defaults (`instructeurs_procedures`): digests on, instant e-mails off. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  instantEmailNewDossier: false,
  instantEmailNewMessage: false,
  instantEmailNewExpertAvis: false,
  dailyEmailSummary: true,
  weeklyEmailSummary: true,
};

// ---------------------------------------------------------------- digests

export type DigestKind = "daily" | "weekly";

/** Paris calendar date of an instant, `YYYY-MM-DD`. */
export function parisDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

/** Paris weekday of an instant, 1 = Monday … 7 = Sunday. */
export function parisWeekday(at: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short" }).format(at);
  return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(name) + 1;
}

/** ISO week of the Paris date of an instant, `YYYY-Www`. */
export function parisIsoWeek(at: Date): string {
  const [y, m, d] = parisDate(at).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * The period a digest run covers, as its delivery key (`daily:2026-12-07`, `weekly:2026-W50`): two
 * runs in the same period share the key, so only one mail goes out. Null: no daily digest that day
 * (the reference sends it on weekdays only).
 */
export function digestPeriod(kind: DigestKind, at: Date): string | null {
  if (kind === "weekly") return `weekly:${parisIsoWeek(at)}`;
  return parisWeekday(at) <= 5 ? `daily:${parisDate(at)}` : null;
}
