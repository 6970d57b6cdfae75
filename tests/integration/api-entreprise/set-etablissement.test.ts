/**
 * The SIRET identity step (setEtablissement), its degraded mode, the fetch job and the decision
 * guard, against the local API Entreprise server and a real database.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, etablissements } from "../../../server/db/schema";
import { type ApiEntrepriseServer, DEMO_SIRETS, startApiEntrepriseServer } from "../../../server/dev/api-entreprise-server";
import { NotFoundError } from "../../../server/errors";
import { fetchDegradedEtablissement } from "../../../server/operations/dossiers/fetch-etablissement";
import { setEtablissement } from "../../../server/operations/dossiers/set-etablissement";
import { startDossier } from "../../../server/operations/dossiers/start-dossier";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: ApiEntrepriseServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startApiEntrepriseServer();
});
afterAll(async () => {
  await server?.stop();
  await database?.close();
});

const services = () => ({
  apiEntreprise: { url: server.url, token: server.token, recipient: "13002526500013", timeoutMs: 500 },
  retryDelayMs: 0,
});

async function companyBrouillon() {
  const { db } = database;
  const demarche = await buildDemarche(db, { published: true });
  await db.update(demarches).set({ forIndividual: false }).where(eq(demarches.id, demarche.demarche.id));
  const usager = await buildUser(db, ["usager"]);
  const { dossierId } = await startDossier(db, usager.userId, { path: demarche.path as string, test: false });
  return { usager, dossierId };
}

async function etablissementOf(dossierId: number) {
  const [row] = await database.db.select().from(etablissements).where(eq(etablissements.dossierId, dossierId));
  return row;
}

describe("setEtablissement", () => {
  it("stores what API Entreprise found", async () => {
    server.setMode("ok");
    const { usager, dossierId } = await companyBrouillon();
    const result = await setEtablissement(database.db, services(), usager.userId, dossierId, { siret: "418 166 096 00069" });
    expect(result).toMatchObject({ ok: true, degraded: false });
    const row = await etablissementOf(dossierId);
    expect(row?.siret).toBe(DEMO_SIRETS.entreprise);
    expect(row?.degradedSince).toBeNull();
    expect(row?.data).toMatchObject({ entreprise: { raisonSociale: "OCTO TECHNOLOGY" } });
  });

  it("refuses an invalid, unknown or closed SIRET with its own code, storing nothing", async () => {
    const { usager, dossierId } = await companyBrouillon();
    const codes = [];
    for (const siret of ["", "12345678901234", "99900000000003", DEMO_SIRETS.ferme]) {
      const result = await setEtablissement(database.db, services(), usager.userId, dossierId, { siret });
      codes.push(result.ok ? "ok" : result.refusals[0]?.code);
    }
    expect(codes).toEqual(["siret_required", "siret_invalid", "siret_not_found", "siret_ferme"]);
    expect(await etablissementOf(dossierId)).toBeUndefined();
  });

  it("is a 404 on someone else's dossier, nothing stored", async () => {
    const { dossierId } = await companyBrouillon();
    const other = await buildUser(database.db, ["usager"]);
    await expect(
      setEtablissement(database.db, services(), other.userId, dossierId, { siret: DEMO_SIRETS.entreprise }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await etablissementOf(dossierId)).toBeUndefined();
  });

  it("keeps the SIRET in degraded mode when the API is down, then the job fetches the data", async () => {
    const { usager, dossierId } = await companyBrouillon();
    server.setMode("error");
    const result = await setEtablissement(database.db, services(), usager.userId, dossierId, { siret: DEMO_SIRETS.entreprise });
    expect(result).toMatchObject({ ok: true, degraded: true });
    const degraded = await etablissementOf(dossierId);
    expect(degraded?.degradedSince).not.toBeNull();
    expect(degraded?.data).toBeNull();
    // Still down: the job counts the attempt and throws for the queue to retry.
    await expect(fetchDegradedEtablissement(database.db, services().apiEntreprise, degraded?.id as number)).rejects.toThrow(
      /still unavailable/,
    );
    server.setMode("ok");
    expect(await fetchDegradedEtablissement(database.db, services().apiEntreprise, degraded?.id as number)).toBe("completed");
    const completed = await etablissementOf(dossierId);
    expect(completed?.degradedSince).toBeNull();
    expect(completed?.data).toMatchObject({ siret: DEMO_SIRETS.entreprise });
  });

  it("keeps the SIRET in degraded mode when the API is too slow", async () => {
    const { usager, dossierId } = await companyBrouillon();
    server.setMode("hang");
    const result = await setEtablissement(database.db, services(), usager.userId, dossierId, { siret: DEMO_SIRETS.entreprise });
    server.setMode("ok");
    expect(result).toMatchObject({ ok: true, degraded: true });
    expect((await etablissementOf(dossierId))?.lastError).toContain("timeout");
  });
});
