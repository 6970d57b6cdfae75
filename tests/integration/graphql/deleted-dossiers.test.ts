/**
 * `Demarche.deletedDossiers` / `pendingDeletedDossiers`, the groupe's, and the dossier's expiry and
 * deletion dates over HTTP: tombstones left by the daily purge, dossiers waiting for it, pagination
 * and `deletedSince`; another administrateur's token sees nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, groupesInstructeurs } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { purgeDossiers } from "../../../server/operations/retention/purge-dossiers";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import type { TestDatabase } from "../../support/database";
import { apiBearer, type GraphqlServer, postGraphql, startGraphqlServer } from "./support";

let api: GraphqlServer;
let database: TestDatabase;
let demarcheId: number;
let groupeId: number;
let purged: number[];
let pending: number;
let pendingAt: Date;
let bearer: string;
let otherBearer: string;

const ADMIN = "admin-deleted-dossiers@exemple.fr";
const DAY = 86_400_000;

beforeAll(async () => {
  api = await startGraphqlServer();
  database = api.database;
  const { db } = database;
  const { demarche } = await buildDemarche(db, { administrateurEmail: ADMIN });
  demarcheId = demarche.id;
  const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
  groupeId = groupe?.id as number;
  const now = Date.now();
  purged = [];
  for (const state of ["accepte", "en_construction", "refuse"] as const) {
    const { dossierId } = await buildDossier(db, { demarche, state });
    await db
      .update(dossiers)
      .set(
        state === "en_construction"
          ? { hiddenByUserAt: new Date(now - 20 * DAY) }
          : { hiddenByExpiredAt: new Date(now - 20 * DAY) },
      )
      .where(eq(dossiers.id, dossierId));
    purged.push(dossierId);
  }
  await purgeDossiers(db, null, new Date(now));
  pending = (await buildDossier(db, { demarche, state: "accepte" })).dossierId;
  pendingAt = new Date(now - DAY);
  await db.update(dossiers).set({ hiddenByAdministrationAt: pendingAt }).where(eq(dossiers.id, pending));
  await buildDemarche(db, { administrateurEmail: "autre-admin-deleted@exemple.fr" });
  bearer = await apiBearer(db, ADMIN, { name: "Deleted", readOnly: true });
  otherBearer = await apiBearer(db, "autre-admin-deleted@exemple.fr", { name: "Other", readOnly: true });
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const QUERY = `query($number: Int!, $first: Int, $after: String, $since: ISO8601DateTime) {
  demarche(number: $number) {
    deletedDossiers(first: $first, after: $after, deletedSince: $since) {
      nodes { id number state reason dateSupression }
      pageInfo { hasNextPage endCursor }
    }
    pendingDeletedDossiers { nodes { id number state reason dateSupression } }
  }
}`;
const GROUPE = `query($number: Int!) {
  groupeInstructeur(number: $number) { deletedDossiers { nodes { number } } pendingDeletedDossiers { nodes { number } } }
}`;

describe("deleted dossiers in the API", () => {
  it("lists the tombstones and the pending deletions, paginated", async () => {
    const first = await postGraphql(api.baseUrl, bearer, QUERY, { number: demarcheId, first: 2 });
    expect(first.errors).toBeUndefined();
    const demarche = first.data?.demarche as {
      deletedDossiers: {
        nodes: Array<{ number: number; state: string; reason: string; id: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      pendingDeletedDossiers: { nodes: Array<{ number: number; reason: string; dateSupression: string }> };
    };
    expect(demarche.deletedDossiers.nodes).toHaveLength(2);
    expect(demarche.deletedDossiers.pageInfo.hasNextPage).toBe(true);
    const next = await postGraphql(api.baseUrl, bearer, QUERY, {
      number: demarcheId,
      first: 2,
      after: demarche.deletedDossiers.pageInfo.endCursor,
    });
    const rest = (next.data?.demarche as typeof demarche | undefined)?.deletedDossiers.nodes ?? [];
    const all = [...demarche.deletedDossiers.nodes, ...rest];
    expect(all.map((n) => n.number).sort()).toEqual([...purged].sort());
    const byNumber = new Map(all.map((n) => [n.number, n]));
    expect(byNumber.get(purged[0] as number)).toMatchObject({
      state: "accepte",
      reason: "expired",
      id: toGlobalId("DeletedDossier", purged[0] as number),
    });
    expect(byNumber.get(purged[1] as number)).toMatchObject({ state: "en_construction", reason: "user_request" });
    expect(demarche.pendingDeletedDossiers.nodes).toEqual([
      {
        id: toGlobalId("DeletedDossier", pending),
        number: pending,
        state: "accepte",
        reason: "instructeur_request",
        dateSupression: expect.any(String),
      },
    ]);
    const groupe = (await postGraphql(api.baseUrl, bearer, GROUPE, { number: groupeId })).data?.groupeInstructeur as {
      deletedDossiers: { nodes: unknown[] };
      pendingDeletedDossiers: { nodes: unknown[] };
    };
    expect(groupe.deletedDossiers.nodes).toHaveLength(3);
    expect(groupe.pendingDeletedDossiers.nodes).toHaveLength(1);
    // Deleted since tomorrow: none.
    const since = await postGraphql(api.baseUrl, bearer, QUERY, {
      number: demarcheId,
      since: new Date(Date.now() + DAY).toISOString(),
    });
    expect((since.data?.demarche as typeof demarche | undefined)?.deletedDossiers.nodes).toEqual([]);
    expect(groupeId).toBeGreaterThan(0);
  });

  it("gives each dossier its expiry and deletion dates", async () => {
    const answer = await postGraphql(
      api.baseUrl,
      bearer,
      `query($number: Int!) { dossier(number: $number) { dateExpiration dateSuppressionParAdministration dateSuppressionParUsager } }`,
      { number: pending },
    );
    expect(answer.errors).toBeUndefined();
    const dossier = answer.data?.dossier as Record<string, string | null>;
    expect(dossier.dateExpiration).not.toBeNull();
    expect(new Date(dossier.dateSuppressionParAdministration as string).getTime()).toBe(
      Math.floor(pendingAt.getTime() / 1000) * 1000,
    );
    expect(dossier.dateSuppressionParUsager).toBeNull();
  });

  it("shows nothing to another administrateur's token", async () => {
    const answer = await postGraphql(api.baseUrl, otherBearer, QUERY, { number: demarcheId });
    expect(answer.data?.demarche ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
  });
});
