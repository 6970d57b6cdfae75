/** The démarche's administrateurs (« Administrateurs » page) and its history (« Historique »), for its administrateurs only. */
import { and, asc, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { administrateurs, demarcheAdministrateurs, events, users } from "../../db/schema";
import type { EventKind } from "../../domain/events/kinds";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function loadDemarcheAdministrateurs(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const rows = await db
    .select({
      administrateurId: administrateurs.id,
      email: users.email,
      active: users.passwordHash,
      addedAt: demarcheAdministrateurs.createdAt,
    })
    .from(demarcheAdministrateurs)
    .innerJoin(administrateurs, eq(administrateurs.id, demarcheAdministrateurs.administrateurId))
    .innerJoin(users, eq(users.id, administrateurs.userId))
    .where(eq(demarcheAdministrateurs.demarcheId, demarche.id))
    .orderBy(asc(users.email));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    administrateurs: rows.map((r) => ({
      administrateurId: r.administrateurId,
      email: r.email,
      /** False while an invited person has not chosen a password yet. */
      active: r.active !== null,
      addedAt: r.addedAt,
      self: r.administrateurId === administrateurId,
    })),
  };
}

/** The démarche-level event kinds the history shows (dossier events are in each dossier's history). */
export const DEMARCHE_HISTORY_KINDS = [
  "demarche.publiee",
  "demarche.close",
  "demarche.administrateur_ajoute",
  "demarche.administrateur_retire",
  "demarche.experts_modifies",
  "demarche.modele_mail_modifie",
  "demarche.groupes_modifies",
  "demarche.procedures_speciales_modifiees",
  "demarche.audience_modifiee",
  "demarche.webhooks_modifies",
  "demarche.depubliee",
  "demarche.date_fermeture",
  "demarche.supprimee",
  "demarche.restauree",
  "demarche.clonee",
  "demarche.archive_demandee",
  "demarche.archive_generee",
] as const satisfies readonly EventKind[];
export type DemarcheHistoryKind = (typeof DEMARCHE_HISTORY_KINDS)[number];

export const HISTORY_PAGE_SIZE = 50;

/** One page of the démarche's history, newest first; `before`: the last event id of the previous page. */
export async function loadDemarcheHistory(db: DbOrTx, administrateurId: number, demarcheId: number, before: number | null) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      actor: events.actor,
      actorEmail: users.email,
      payload: events.payload,
      createdAt: events.createdAt,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .where(
      and(
        eq(events.demarcheId, demarche.id),
        isNull(events.dossierId),
        inArray(events.kind, [...DEMARCHE_HISTORY_KINDS]),
        before !== null ? lt(events.id, before) : undefined,
      ),
    )
    .orderBy(desc(events.id))
    .limit(HISTORY_PAGE_SIZE + 1);
  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    entries: page.map((r) => ({
      id: r.id,
      kind: r.kind as DemarcheHistoryKind,
      /** Which change, for the kinds that say it (groupes, webhooks): the sentence is chosen by it. */
      change: changeOf(r.kind, r.payload),
      actor: r.actor,
      actorEmail: r.actorEmail,
      /** What the sentence names: the administrateur added or removed, the path published, the experts change. */
      subject: subjectOf(r.payload),
      /** The archive's month (YYYY-MM) for the archive kinds: the page writes it in the reader's language. */
      month: ARCHIVE_KINDS.includes(r.kind) ? monthOf(r.payload) : null,
      createdAt: r.createdAt,
    })),
    nextBefore: rows.length > HISTORY_PAGE_SIZE ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** The kinds whose sentence depends on the payload's `change`. */
const CHANGE_KINDS: readonly string[] = ["demarche.groupes_modifies", "demarche.webhooks_modifies"];

const ARCHIVE_KINDS: readonly string[] = ["demarche.archive_demandee", "demarche.archive_generee"];

function monthOf(payload: unknown): string | null {
  const month = typeof payload === "object" && payload !== null ? (payload as { month?: unknown }).month : null;
  return typeof month === "string" ? month : null;
}

function changeOf(kind: string, payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  // An archive of the whole démarche (administrateur) or of an instructeur's groupes.
  if (ARCHIVE_KINDS.includes(kind)) return Array.isArray((payload as { groupeIds?: unknown }).groupeIds) ? "groupes" : "demarche";
  if (kind === "demarche.date_fermeture") return typeof (payload as { day?: unknown }).day === "string" ? "set" : "removed";
  if (!CHANGE_KINDS.includes(kind)) return null;
  const change = (payload as Record<string, unknown>).change;
  return typeof change === "string" ? change : null;
}

function subjectOf(payload: unknown): string {
  if (typeof payload !== "object" || payload === null) return "";
  const p = payload as Record<string, unknown>;
  // A closing day (YYYY-MM-DD) reads as the French date, as the forms write it.
  if (typeof p.day === "string") return p.day.split("-").reverse().join("/");
  if (typeof p.count === "number") return String(p.count);
  if (typeof p.email === "string") return p.email;
  if (typeof p.path === "string") return p.path;
  if (typeof p.change === "string") return p.change;
  return "";
}
