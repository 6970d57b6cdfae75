/**
 * Prefilled addresses, searched in the national address base (a local BAN peer) before the
 * prefilled dossier is created: found, not found or ambiguous, service down or slow, the per-request
 * lookup budget, and a form changed during the lookups. The other values are always kept.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { champs } from "../../../server/db/schema";
import { loadRevisionChamps } from "../../../server/db/revisions";
import type { ReferenceData } from "../../../server/domain/geo/reference-data";
import { prefillKeyOf } from "../../../server/domain/prefill/params";
import { champId } from "../../../server/domain/form/champ-id";
import { createReferenceData } from "../../../server/integrations/reference-data";
import { PREFILL_ADDRESS_LOOKUPS } from "../../../server/operations/prefill/address-lookups";
import { createPrefilledDossier, type PrefillTarget } from "../../../server/operations/prefill/create-prefilled-dossier";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { buildDemarche } from "../../../server/seed/factories";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let peer: BanPeer;
/** Generous timeout: the machine may be busy (the "timeout" case has its own short one). */
let refs: ReferenceData;

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startBanPeer("up");
  refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 5000 } });
}, 60_000);
afterAll(async () => {
  await peer?.stop();
  await database?.close();
});
beforeEach(() => {
  peer.mode = "up";
});

let ipSequence = 0;
const nextIp = () => `203.0.113.${++ipSequence}`;

const SEGUR = "20 Avenue de Ségur 75007 Paris";
const AMIENS = "8 Boulevard du Port 80000 Amiens";

async function addressDemarche(published = true) {
  const built = await buildDemarche(database.db, {
    published,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "address", libelle: "Adresse du projet" },
      { type: "communes", libelle: "Commune" },
      { type: "repetition", libelle: "Sites", children: [{ type: "address", libelle: "Adresse du site" }] },
      { type: "repetition", libelle: "Partenaires", children: [{ type: "text", libelle: "Partenaire" }] },
    ],
  });
  const revisionId = (published ? built.demarche.publishedRevisionId : built.demarche.draftRevisionId) as number;
  const fields = await loadRevisionChamps(database.db, revisionId);
  const stableId = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
  const key = (libelle: string) => prefillKeyOf(champId(stableId(libelle)));
  return { ...built, stableId, key };
}

async function prefill(target: PrefillTarget, params: Record<string, unknown>, withRefs = refs) {
  const result = await createPrefilledDossier(
    database.db,
    { target, params: params as Parameters<typeof createPrefilledDossier>[1]["params"], ip: nextIp() },
    withRefs,
  );
  if (!result.ok) throw new Error("rate limited");
  return result.dossier.dossierId;
}

/** Stored values: top-level ones by stable id, rows as `<stable id>|<row id>`. */
async function valuesOf(dossierId: number) {
  const rows = await database.db.select().from(champs).where(eq(champs.dossierId, dossierId));
  return new Map(rows.map((r) => [r.rowId === "" ? String(r.stableId) : `${r.stableId}|${r.rowId}`, r.value]));
}

/** The values of one field in each row of its block, in row order. */
async function rowValues(dossierId: number, blockId: number, childId: number) {
  const values = await valuesOf(dossierId);
  return ((values.get(String(blockId)) as string[] | undefined) ?? []).map((rowId) => values.get(`${childId}|${rowId}`));
}

describe("prefilled addresses with the address service up", () => {
  it("stores the address the BAN finds for the label, top level and in rows, with the other values", async () => {
    const { demarche, key, stableId } = await addressDemarche();
    const before = peer.queries.length;
    const id = await prefill(
      { demarcheNumber: demarche.id },
      {
        [key("Nom du projet")]: "Jardin partagé",
        [key("Adresse du projet")]: SEGUR,
        [key("Commune")]: ["56100"],
        [key("Sites")]: [
          { [key("Adresse du site")]: AMIENS },
          { [key("Adresse du site")]: SEGUR },
          { [key("Adresse du site")]: `  ${SEGUR} ` },
        ],
      },
    );
    const values = await valuesOf(id);
    expect(values.get(String(stableId("Nom du projet")))).toBe("Jardin partagé");
    expect(values.get(String(stableId("Adresse du projet")))).toEqual({
      source: "ban",
      label: SEGUR,
      banId: "75107_8909_00020",
      type: "housenumber",
      streetAddress: "20 Avenue de Ségur",
      streetNumber: "20",
      streetName: "Avenue de Ségur",
      postalCode: "75007",
      cityCode: "75107",
      cityName: "Paris",
      departementCode: "75",
      regionCode: "11",
      countryCode: "FR",
      coordinates: [2.308628, 48.850699],
    });
    expect(values.get(String(stableId("Commune")))).toMatchObject({ code: "56121", postalCode: "56100" });
    expect(await rowValues(id, stableId("Sites"), stableId("Adresse du site"))).toEqual([
      expect.objectContaining({ source: "ban", banId: "80021_6590_00008", cityCode: "80021" }),
      expect.objectContaining({ source: "ban", banId: "75107_8909_00020" }),
      expect.objectContaining({ source: "ban", banId: "75107_8909_00020" }),
    ]);
    // The same text (spaces aside) is searched once per request.
    expect(peer.queries.slice(before).sort()).toEqual([SEGUR, AMIENS].sort());
    // The block the prefill did not fill starts with its one empty row, as in any new dossier.
    expect(values.get(String(stableId("Partenaires")))).toEqual([expect.stringMatching(/^[0-9a-z]+$/)]);
  });

  it("keeps, for the usager to confirm, a label the BAN does not know or that names several addresses", async () => {
    const { demarche, key, stableId } = await addressDemarche();
    const unknown = "1 chemin de Nulle Part 99999 Ailleurs";
    const id = await prefill(
      { demarcheNumber: demarche.id },
      {
        [key("Nom du projet")]: "Jardin",
        [key("Adresse du projet")]: unknown,
        [key("Sites")]: [{ [key("Adresse du site")]: "8 bd du port" }],
      },
    );
    const values = await valuesOf(id);
    expect(values.get(String(stableId("Adresse du projet")))).toEqual({ source: "search", query: unknown, candidates: [] });
    expect(await rowValues(id, stableId("Sites"), stableId("Adresse du site"))).toEqual([
      {
        source: "search",
        query: "8 bd du port",
        candidates: [
          { banId: "80021_6590_00008", label: AMIENS },
          { banId: "13201_4370_00008", label: "8 Boulevard du Port 13001 Marseille" },
        ],
      },
    ]);
    expect(values.get(String(stableId("Nom du projet")))).toBe("Jardin");
  });

  it("searches at most a budget of distinct texts per request; the others wait in the degraded mode", async () => {
    const { demarche, key, stableId } = await addressDemarche();
    const before = peer.queries.length;
    const texts = Array.from({ length: PREFILL_ADDRESS_LOOKUPS + 5 }, (_, i) => `${i + 1} rue des Essais 75007 Paris`);
    const id = await prefill(
      { demarcheNumber: demarche.id },
      { [key("Sites")]: texts.map((text) => ({ [key("Adresse du site")]: text })) },
    );
    expect(peer.queries.length - before).toBe(PREFILL_ADDRESS_LOOKUPS);
    const stored = await rowValues(id, stableId("Sites"), stableId("Adresse du site"));
    expect(stored).toHaveLength(texts.length);
    // Every text is kept: searched (nothing found) or not searched (service treated as unavailable).
    expect(stored.map((v) => (v as { query: string }).query)).toEqual(texts);
    expect(stored.filter((v) => (v as { unavailable?: true }).unavailable)).toHaveLength(5);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("holds no transaction open while the address service answers", async () => {
    const { demarche, key } = await addressDemarche();
    const openTransactions: number[] = [];
    const watching: ReferenceData = {
      ...refs,
      async searchAddresses(query, limit) {
        const result = await database.db.execute<{ n: number }>(sql`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%'`);
        openTransactions.push(Number(result.rows[0]?.n));
        return refs.searchAddresses(query, limit);
      },
    };
    await prefill({ demarcheNumber: demarche.id }, { [key("Adresse du projet")]: SEGUR }, watching);
    expect(openTransactions).toEqual([0]);
  });

  it("falls back to the bundled data when the form changed during the lookups (address kept in degraded mode)", async () => {
    const { demarche, administrateurId, key, stableId } = await addressDemarche(false);
    const changing: ReferenceData = {
      ...refs,
      async searchAddresses(query, limit) {
        // The administrateur adds a field to the draft of this démarche in test meanwhile.
        await addChamp(database.db, administrateurId, demarche.id, { type: "text", parentStableId: null, private: false }, "fr");
        return refs.searchAddresses(query, limit);
      },
    };
    const id = await prefill(
      { demarcheNumber: demarche.id },
      { [key("Nom du projet")]: "Jardin", [key("Adresse du projet")]: SEGUR, [key("Commune")]: ["56100"] },
      changing,
    );
    const values = await valuesOf(id);
    expect(values.get(String(stableId("Nom du projet")))).toBe("Jardin");
    expect(values.get(String(stableId("Commune")))).toMatchObject({ code: "56121" });
    expect(values.get(String(stableId("Adresse du projet")))).toEqual({ source: "search", query: SEGUR, unavailable: true });
  });
});

describe("prefilled addresses with the address service down", () => {
  it.each([
    ["error", 5000],
    ["timeout", 300],
    ["garbage", 5000],
  ] as const)(
    "still creates the dossier when the BAN fails (%s): other values kept, the address text kept for manual entry",
    async (mode, timeoutMs) => {
      const { demarche, key, stableId } = await addressDemarche();
      peer.mode = mode;
      const started = Date.now();
      const id = await prefill(
        { demarcheNumber: demarche.id },
        {
          [key("Nom du projet")]: "Jardin",
          [key("Adresse du projet")]: SEGUR,
          [key("Commune")]: ["56100"],
          [key("Sites")]: [{ [key("Adresse du site")]: AMIENS }],
        },
        createReferenceData({ ban: { url: peer.url, timeoutMs } }),
      );
      // One timeout for all the lookups (they run side by side), not one per address.
      if (mode === "timeout") expect(Date.now() - started).toBeLessThan(4000);
      const values = await valuesOf(id);
      expect(values.get(String(stableId("Nom du projet")))).toBe("Jardin");
      expect(values.get(String(stableId("Commune")))).toMatchObject({ code: "56121", postalCode: "56100" });
      expect(values.get(String(stableId("Adresse du projet")))).toEqual({ source: "search", query: SEGUR, unavailable: true });
      expect(await rowValues(id, stableId("Sites"), stableId("Adresse du site"))).toEqual([
        { source: "search", query: AMIENS, unavailable: true },
      ]);
    },
  );

  it("works without any address service configured (prefill links of a platform without BAN_URL)", async () => {
    const { demarche, key, stableId } = await addressDemarche();
    const id = await prefill(
      { demarcheNumber: demarche.id },
      { [key("Adresse du projet")]: SEGUR },
      createReferenceData({ ban: { url: null, timeoutMs: 1000 } }),
    );
    expect((await valuesOf(id)).get(String(stableId("Adresse du projet")))).toEqual({
      source: "search",
      query: SEGUR,
      unavailable: true,
    });
  });
});
