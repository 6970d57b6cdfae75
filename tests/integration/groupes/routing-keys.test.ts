/**
 * Routing by key lookup (issue 11, « 5,000 groupes »): the generated column `routing_key` computes
 * in PostgreSQL what `ruleRoutingKey` says, and routing among the candidates `loadRoutingCandidates`
 * reads gives the groupe evaluating every rule gives, on random rules and values; a submission goes
 * through it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionForm } from "../../../server/db/revisions";
import { groupesInstructeurs } from "../../../server/db/schema";
import { champValue, constant, eq as eqRule, inDepartement, inRegion, notEq, or } from "../../../server/domain/conditions/ast";
import { champKey } from "../../../server/domain/form/keys";
import { allFields } from "../../../server/domain/form/tree";
import { conditionContext } from "../../../server/domain/form/visibility";
import { geoConditionLookups } from "../../../server/domain/geo/condition-codes";
import { dossierRoutingKeys, ruleRoutingKey } from "../../../server/domain/routing/routing-keys";
import { routeDossier } from "../../../server/domain/routing/routing";
import { loadRoutableGroupes, loadRoutingCandidates } from "../../../server/operations/groupes/route-dossier";
import { buildDemarche } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

describe("routing keys in the database", () => {
  it("routes among the looked-up candidates exactly as through every rule (random rules and values)", async () => {
    const { db } = database;
    const built = await buildDemarche(db, {
      champs: [
        { type: "drop_down_list", libelle: "Thème", options: { options: ["A", "B", "C"], other: false } },
        { type: "departements", libelle: "Département" },
        { type: "text", libelle: "Texte" },
      ],
    });
    const demarcheId = built.demarche.id;
    const form = await loadRevisionForm(db, built.demarche.draftRevisionId as number);
    const ids = allFields(form).map((f) => f.stableId);
    const [theme, departement, texte] = ids as [number, number, number];

    const r = random(7);
    const text = () => constant(r.pick(["A", "B", "C", "01", "2A", "84", "94", "x:y", ""]));
    const field = () => champValue(r.pick([theme, departement, texte, 999_999]));
    const rules: unknown[] = [
      // Every kind: keyed, keyed-looking but not keyed, unkeyed, not a rule.
      { term: "Logic::Eq", left: { term: "Logic::ChampValue", stable_id: 1.5 }, right: constant("A") },
      { term: "Logic::Eq", left: champValue(theme), right: { term: "Logic::Constant", value: 3 } },
      { term: "Logic::Eq", left: champValue(theme), right: constant("é".repeat(501)) },
      { term: "Logic::Nope" },
      "not a rule",
    ];
    for (let i = 0; i < 150; i++) {
      rules.push(
        r.pick([
          () => eqRule(field(), text()),
          () => eqRule(field(), text()),
          () => inDepartement(field(), text()),
          () => inRegion(field(), text()),
          () => notEq(field(), text()),
          () => or(eqRule(field(), text()), inDepartement(field(), text())),
        ])(),
      );
    }
    await db.insert(groupesInstructeurs).values(
      rules.map((routingRule, i) => ({
        demarcheId,
        label: `${r.pick(["Ain", "aisne", "Éure", "eure", "Zèbre"])} ${i}`,
        closed: r.next() < 0.2,
        routingRule,
      })),
    );

    // The generated column is what `ruleRoutingKey` computes.
    const stored = await db
      .select({ rule: groupesInstructeurs.routingRule, key: groupesInstructeurs.routingKey })
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, demarcheId));
    for (const row of stored) expect(row.key).toBe(ruleRoutingKey(row.rule));
    expect(stored.filter((row) => row.key !== null && row.key !== "*").length).toBeGreaterThan(50);

    const all = await loadRoutableGroupes(db, demarcheId, null);
    let narrowed = 0;
    for (let i = 0; i < 60; i++) {
      const values = new Map([
        [champKey(theme), r.pick(["A", "B", "C", null])],
        [champKey(departement), r.pick(["01", "2A", "75", null])],
        [champKey(texte), r.pick(["A", "01", "x:y", "", null])],
      ]);
      const context = conditionContext(form, values, new Set(), new Set(), "", geoConditionLookups);
      const candidates = await loadRoutingCandidates(db, demarcheId, null, dossierRoutingKeys(ids, context));
      expect(candidates.some((g) => g.isDefault)).toBe(true);
      if (candidates.length < all.length / 2) narrowed++;
      expect(routeDossier({ groupes: candidates, context })).toBe(routeDossier({ groupes: all, context }));
    }
    expect(narrowed).toBe(60);
  });
});
