/**
 * `Dossier.demandeur` of a personnes-morales démarche through the API: `PersonneMorale` with its
 * entreprise once API Entreprise answered, `PersonneMoraleIncomplete` (SIRET only) in degraded mode,
 * `PersonnePhysique` for a particulier.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { type ApiEntrepriseServer, DEMO_SIRETS, startApiEntrepriseServer } from "../../../server/dev/api-entreprise-server";
import { setEtablissement } from "../../../server/operations/dossiers/set-etablissement";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { updateIdentity } from "../../../server/operations/dossiers/update-identity";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { apiBearer, type GraphqlServer, postGraphql, startGraphqlServer } from "./support";

let server: GraphqlServer;
let apiEntreprise: ApiEntrepriseServer;
beforeAll(async () => {
  server = await startGraphqlServer();
  apiEntreprise = await startApiEntrepriseServer();
}, 120_000);
afterAll(async () => {
  await apiEntreprise?.stop();
  await server?.stop();
});

/** The answer's `dossier.demandeur`. */
function demandeurOf(answer: { data?: Record<string, Record<string, unknown> | null> | null }) {
  return (answer.data?.dossier as { demandeur?: Record<string, unknown> } | undefined)?.demandeur;
}

const QUERY = `query($n: Int!) { dossier(number: $n) { demandeur {
  __typename
  ... on PersonnePhysique { nom prenom }
  ... on PersonneMoraleIncomplete { siret }
  ... on PersonneMorale { siret siegeSocial libelleNaf address { postalCode cityName } codePostal
    entreprise { siren raisonSociale siretSiegeSocial etatAdministratif } association { rna titre } }
} } }`;

async function companyDossier(mode: "ok" | "error") {
  const { db } = server.database;
  const built = await buildDemarche(db);
  const { dossierId, usager } = await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path ?? null } });
  await db.update(demarches).set({ forIndividual: false }).where(eq(demarches.id, built.demarche.id));
  apiEntreprise.setMode(mode);
  const services = {
    apiEntreprise: { url: apiEntreprise.url, token: apiEntreprise.token, recipient: "13002526500013", timeoutMs: 2_000 },
    retryDelayMs: 0,
  };
  expect(await setEtablissement(db, services, usager.userId, dossierId, { siret: DEMO_SIRETS.entreprise })).toMatchObject({
    ok: true,
  });
  expect(await submitDossier(db, usager.userId, dossierId)).toMatchObject({ ok: true });
  const bearer = await apiBearer(db, built.admin.email, { name: "pm", readOnly: true });
  return { dossierId, bearer };
}

describe("Dossier.demandeur of a personne morale", () => {
  it("is a PersonneMorale with its entreprise once API Entreprise answered", async () => {
    const { dossierId, bearer } = await companyDossier("ok");
    const answer = await postGraphql(server.baseUrl, bearer, QUERY, { n: dossierId });
    expect(answer.errors).toBeUndefined();
    const demandeur = demandeurOf(answer) ?? {};
    expect(demandeur).toMatchObject({
      __typename: "PersonneMorale",
      siret: DEMO_SIRETS.entreprise,
      entreprise: { siren: DEMO_SIRETS.entreprise.slice(0, 9), raisonSociale: "OCTO TECHNOLOGY" },
    });
    expect(demandeur.codePostal).toBe((demandeur.address as { postalCode: string }).postalCode);
  });

  it("is a PersonneMoraleIncomplete with the SIRET alone in degraded mode, and a particulier stays a PersonnePhysique", async () => {
    const { dossierId, bearer } = await companyDossier("error");
    const answer = await postGraphql(server.baseUrl, bearer, QUERY, { n: dossierId });
    expect(answer.errors).toBeUndefined();
    expect(demandeurOf(answer)).toEqual({
      __typename: "PersonneMoraleIncomplete",
      siret: DEMO_SIRETS.entreprise,
    });

    const { db } = server.database;
    const built = await buildDemarche(db);
    const { dossierId: personne } = await buildDossier(db, {
      demarche: { id: built.demarche.id, path: built.path ?? null },
      state: "en_construction",
      identity: { civilite: "Mme", nom: "Martin", prenom: "Léa" },
    });
    const bearer2 = await apiBearer(db, built.admin.email, { name: "pp", readOnly: true });
    const physique = await postGraphql(server.baseUrl, bearer2, QUERY, { n: personne });
    expect(demandeurOf(physique)).toEqual({
      __typename: "PersonnePhysique",
      nom: "Martin",
      prenom: "Léa",
    });
  });

  it("gives a dossier filed by a mandataire with deposeParUnTiers and the mandataire's names", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db);
    await db.update(demarches).set({ forTiersEnabled: true }).where(eq(demarches.id, built.demarche.id));
    const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche });
    expect(
      await updateIdentity(db, usager.userId, dossierId, {
        civilite: "Mme",
        nom: "Lefèvre",
        prenom: "Jeanne",
        forTiers: "true",
        mandataireFirstName: "Paul",
        mandataireLastName: "Roux",
        beneficiaireEmail: "",
      }),
    ).toMatchObject({ ok: true });
    expect(await submitDossier(db, usager.userId, dossierId)).toMatchObject({ ok: true });
    const bearer = await apiBearer(db, built.admin.email, { name: "tiers", readOnly: true });
    const answer = await postGraphql(
      server.baseUrl,
      bearer,
      "query($n: Int!) { dossier(number: $n) { deposeParUnTiers prenomMandataire nomMandataire demandeur { ... on PersonnePhysique { nom } } } }",
      { n: dossierId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dossier).toEqual({
      deposeParUnTiers: true,
      prenomMandataire: "Paul",
      nomMandataire: "Roux",
      demandeur: { nom: "Lefèvre" },
    });
  });
});
