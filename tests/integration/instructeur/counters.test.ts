/**
 * The tab counters kept by the `dossiers` trigger equal a full recount of each tab's rows, for every
 * instructeur, after each operation of random sequences (a property test with a fixed seed, so a
 * failure replays): transitions, follows, archive, corbeille, deletion by the usager, expiry, moves
 * between groupes, hard deletion.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { dossiers, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { archiveDossier } from "../../../server/operations/dossiers/archive-dossier";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../../server/operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { countDossiersByTab } from "../../../server/queries/instructeur/counters";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { asActor, type Actor, recountTabs } from "./helpers";

let database: TestDatabase;
let db: Db;
let demarcheId: number;
let instructeurs: Actor[];
let groupes: number[];
const ids: number[] = [];

/** Mulberry32: a small seeded generator, so that a failing sequence replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const built = await buildDemarche(db, { libelle: "Compteurs", instructeurEmails: ["un@exemple.fr", "deux@exemple.fr"] });
  demarcheId = built.demarche.id;
  instructeurs = built.instructeurs.map((i) => asActor(i as never));
  // A second groupe with a third instructeur: counters are per groupe.
  const [first] = await db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, demarcheId));
  const [second] = await db
    .insert(groupesInstructeurs)
    .values({ demarcheId, label: "Second groupe" })
    .returning({ id: groupesInstructeurs.id });
  groupes = [first?.id as number, second?.id as number];
  const third = await buildUser(db, ["instructeur"], "trois@exemple.fr");
  await db
    .insert(groupeInstructeurMembers)
    .values({ groupeInstructeurId: groupes[1] as number, instructeurId: third.instructeurId as number });
  instructeurs.push(asActor(third as never));
  const states = [
    "en_construction",
    "en_construction",
    "en_instruction",
    "accepte",
    "refuse",
    "sans_suite",
    "brouillon",
  ] as const;
  for (const state of states) {
    ids.push((await buildDossier(db, { demarche: built.demarche, state, instructeur: instructeurs[0] })).dossierId);
  }
}, 120_000);
afterAll(() => database?.close());

async function expectCountersExact(step: string) {
  const now = new Date();
  for (const instructeur of instructeurs) {
    const kept = (await countDossiersByTab(db, instructeur.instructeurId, [demarcheId], now)).get(demarcheId);
    expect({ step, counters: kept }).toEqual({
      step,
      counters: await recountTabs(db, demarcheId, instructeur.instructeurId, now),
    });
  }
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

describe("tab counters", () => {
  it("equal a full recount after every operation of random sequences", async () => {
    await expectCountersExact("initial");
    const rand = random(20261207);
    const seen = new Set<string>();
    for (let step = 0; step < 120; step++) {
      const id = pick(rand, ids);
      const actor = pick(rand, instructeurs.slice(0, 2));
      const op = pick(rand, [
        "follow",
        "unfollow",
        "passer_en_instruction",
        "repasser_en_construction",
        "accepter",
        "refuser",
        "repasser_en_instruction",
        "archiver",
        "desarchiver",
        "supprimer",
        "restaurer",
        "hide_by_user",
        "unhide_by_user",
        "expire_soon",
        "move_groupe",
        "delete",
      ] as const);
      let changed = true;
      switch (op) {
        case "follow":
        case "unfollow":
          await followDossier(db, actor.instructeurId, id, op === "follow").catch(() => {
            changed = false;
          });
          break;
        case "passer_en_instruction":
          changed = (await passerEnInstruction(db, actor, id).catch(() => ({ ok: false }))).ok;
          break;
        case "repasser_en_construction":
          changed = (await repasserEnConstruction(db, actor, id).catch(() => ({ ok: false }))).ok;
          break;
        case "accepter":
          changed = (await accepterDossier(db, actor, id).catch(() => ({ ok: false }))).ok;
          break;
        case "refuser":
          changed = (await refuserDossier(db, actor, id, "Incomplet.").catch(() => ({ ok: false }))).ok;
          break;
        case "repasser_en_instruction":
          changed = (await repasserEnInstruction(db, actor, id).catch(() => ({ ok: false }))).ok;
          break;
        case "archiver":
        case "desarchiver":
        case "supprimer":
        case "restaurer":
          changed = (await archiveDossier(db, actor, id, op).catch(() => ({ ok: false }))).ok;
          break;
        case "hide_by_user":
        case "unhide_by_user":
          await db
            .update(dossiers)
            .set({ hiddenByUserAt: op === "hide_by_user" ? new Date() : null })
            .where(eq(dossiers.id, id));
          break;
        case "expire_soon":
          // Processed (or submitted) almost a conservation period ago: its end falls within two weeks.
          await db.execute(
            sql`update dossiers set processed_at = coalesce(processed_at, now()) - interval '12 months' + interval '5 days',
              en_construction_at = coalesce(en_construction_at, now()) - interval '12 months' + interval '3 days' where id = ${id}`,
          );
          break;
        case "move_groupe":
          await db
            .update(dossiers)
            .set({ groupeInstructeurId: pick(rand, groupes) })
            .where(eq(dossiers.id, id));
          break;
        case "delete":
          if (rand() < 0.5) {
            changed = false;
            break;
          }
          await db.delete(dossiers).where(eq(dossiers.id, id));
          ids.splice(ids.indexOf(id), 1);
          break;
      }
      if (changed) seen.add(op);
      await expectCountersExact(`${step}: ${op} #${id}`);
      if (ids.length === 0) break;
    }
    // The sequence really exercised the tabs' moves.
    for (const op of ["follow", "archiver", "supprimer", "restaurer", "accepter", "expire_soon", "move_groupe"]) {
      expect(seen).toContain(op);
    }
  }, 300_000);

  it("show every tab, the expiring one included", async () => {
    const rows = await db.execute<{ bucket: string }>(
      sql`select distinct bucket from dossier_counters where demarche_id = ${demarcheId}`,
    );
    expect(rows.rows.map((r) => r.bucket)).toContain("tous");
  });
});
