/**
 * Prefilled addresses through HTTP, with the server configured on a local BAN peer: a prefill link
 * and the JSON API store the address the national address base finds (readable in the usager's
 * form and through GraphQL `AddressChamp.address`); when the BAN is down the dossier is created all
 * the same, the other values kept and the address text waiting for manual entry.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { prefillKeyOf } from "../../../server/domain/prefill/params";
import { champId } from "../../../server/domain/form/champ-id";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { decodeHtml, pageText, signedInSession, storedValues } from "../usager/support";

let peer: BanPeer;
let server: TestServer;
beforeAll(async () => {
  peer = await startBanPeer("up");
  // The platform's address service is the peer; a short timeout keeps the "down" cases quick.
  server = await startTestServer({ ban: { url: peer.url, timeoutMs: 2000 } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await peer?.stop();
});
beforeEach(() => {
  peer.mode = "up";
});

const SEGUR = "20 Avenue de Ségur 75007 Paris";
let sequence = 0;

async function addressDemarche() {
  const { db } = server.database;
  const administrateurEmail = `admin-prefill-adresse-${++sequence}@exemple.fr`;
  const built = await buildDemarche(db, {
    administrateurEmail,
    champs: [
      { type: "text", libelle: "Nom du projet", mandatory: false },
      { type: "address", libelle: "Adresse du projet", mandatory: false },
      { type: "address", libelle: "Adresse du siège", mandatory: false },
    ],
  });
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const stableId = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
  const key = (libelle: string) => prefillKeyOf(champId(stableId(libelle)));
  return { ...built, path: built.path as string, administrateurEmail, stableId, key };
}

async function prefilledDossier(demarcheId: number) {
  const rows = await server.database.db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.prefilled, true)));
  expect(rows).toHaveLength(1);
  return rows[0] as typeof dossiers.$inferSelect;
}

function postPrefill(demarcheId: number, body: Record<string, unknown>) {
  return fetch(new URL(`/api/public/v1/demarches/${demarcheId}/dossiers`, server.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The value of the input named `name` in the page (the usager's form). */
function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  const value = tag ? /\bvalue="([^"]*)"/.exec(tag)?.[1] : undefined;
  return value === undefined ? undefined : decodeHtml(value);
}

describe("prefilled addresses with the address service up", () => {
  it("a prefill link stores the address the BAN finds: shown in the form, and in the API once submitted", async () => {
    const { demarche, path, key, stableId, administrateurEmail } = await addressDemarche();
    const usager = await buildUser(server.database.db);
    const session = await signedInSession(server.url, usager);
    const query = new URLSearchParams({
      [key("Nom du projet")]: "Jardin partagé",
      [key("Adresse du projet")]: SEGUR,
      identite_nom: "Dupont",
      identite_prenom: "Camille",
      identite_genre: "Mme",
    });
    const landing = await session.get(`/commencer/${path}?${query}`);
    const dossier = await prefilledDossier(demarche.id);
    expect(landing.headers.get("location")).toBe(`/dossiers/${dossier.id}/brouillon`);
    const values = await storedValues(server.database.db, dossier.id);
    expect(values.get(stableId("Nom du projet"))).toBe("Jardin partagé");
    expect(values.get(stableId("Adresse du projet"))).toMatchObject({
      source: "ban",
      banId: "75107_8909_00020",
      label: SEGUR,
      cityCode: "75107",
      departementCode: "75",
    });

    await session.get(`/dossiers/${dossier.id}/brouillon`);
    expect(inputValue(session.lastHtml, `champ_${stableId("Adresse du projet")}`)).toBe(SEGUR);

    const submitted = await submitDossier(server.database.db, usager.userId, dossier.id);
    expect(submitted.ok).toBe(true);
    const token = await createApiToken(server.database.db, { administrateurEmail, name: "Préremplissage" });
    if (!token.ok) throw new Error("createApiToken");
    const response = await fetch(new URL("/api/v2/graphql", server.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.bearer}` },
      body: JSON.stringify({
        query: /* GraphQL */ `
          query prefilled($number: Int!) {
            dossier(number: $number) {
              champs {
                label
                ... on AddressChamp {
                  address { label streetAddress postalCode cityName cityCode departmentCode regionCode countryCode }
                  commune { code name postalCode }
                }
              }
            }
          }
        `,
        variables: { number: dossier.id },
      }),
    });
    const body = (await response.json()) as { data?: { dossier: { champs: Array<Record<string, unknown>> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.dossier.champs.find((c) => c.label === "Adresse du projet")).toEqual({
      label: "Adresse du projet",
      address: {
        label: SEGUR,
        streetAddress: "20 Avenue de Ségur",
        postalCode: "75007",
        cityName: "Paris",
        cityCode: "75107",
        departmentCode: "75",
        regionCode: "11",
        countryCode: "FR",
      },
      commune: { code: "75107", name: "Paris", postalCode: "75007" },
    });
  });

  it("the JSON API stores the address the BAN finds, and keeps one it does not find for the usager to fix", async () => {
    const { demarche, key, stableId } = await addressDemarche();
    const unknown = "1 chemin de Nulle Part 99999 Ailleurs";
    const response = await postPrefill(demarche.id, {
      [key("Nom du projet")]: "Verger",
      [key("Adresse du projet")]: SEGUR,
      [key("Adresse du siège")]: unknown,
    });
    expect(response.status).toBe(201);
    const dossier = await prefilledDossier(demarche.id);
    const values = await storedValues(server.database.db, dossier.id);
    expect(values.get(stableId("Nom du projet"))).toBe("Verger");
    expect(values.get(stableId("Adresse du projet"))).toMatchObject({ source: "ban", banId: "75107_8909_00020" });
    expect(values.get(stableId("Adresse du siège"))).toEqual({ source: "search", query: unknown, candidates: [] });

    // The usager finds the text with the « not found » notice, and cannot submit it as it is.
    const usager = await buildUser(server.database.db);
    const session = await signedInSession(server.url, usager);
    await session.get(`/commencer/${demarche.path}?prefill_token=${dossier.prefillToken}`);
    await session.get(`/dossiers/${dossier.id}/brouillon`);
    expect(inputValue(session.lastHtml, `champ_${stableId("Adresse du siège")}`)).toBe(unknown);
    expect(pageText(session.lastHtml)).toContain(`Aucune adresse ne correspond à « ${unknown} »`);
    const submitted = await submitDossier(server.database.db, usager.userId, dossier.id);
    expect(submitted).toMatchObject({ ok: false });
  });
});

describe("prefilled addresses with the address service down", () => {
  it.each(["error", "timeout"] as const)(
    "BAN %s: the link and the API still create the dossier, other values kept, the address kept for manual entry",
    async (mode) => {
      peer.mode = mode;
      for (const via of ["link", "api"] as const) {
        const { demarche, path, key, stableId } = await addressDemarche();
        const params = { [key("Nom du projet")]: "Rucher", [key("Adresse du projet")]: SEGUR };
        if (via === "api") {
          expect((await postPrefill(demarche.id, params)).status).toBe(201);
        } else {
          const session = new HttpSession(server.url);
          expect((await session.get(`/commencer/${path}?${new URLSearchParams(params)}`)).status).toBe(200);
          expect(pageText(session.lastHtml)).toContain("Un dossier prérempli vous attend");
        }
        const dossier = await prefilledDossier(demarche.id);
        const values = await storedValues(server.database.db, dossier.id);
        expect(values.get(stableId("Nom du projet"))).toBe("Rucher");
        expect(values.get(stableId("Adresse du projet"))).toEqual({ source: "search", query: SEGUR, unavailable: true });

        if (via === "link") {
          // The usager's form opens the manual mode with the text kept, as when the service fails while typing.
          const usager = await buildUser(server.database.db);
          const session = await signedInSession(server.url, usager);
          await session.get(`/commencer/${path}?prefill_token=${dossier.prefillToken}`);
          await session.get(`/dossiers/${dossier.id}/brouillon`);
          expect(inputValue(session.lastHtml, `champ_${stableId("Adresse du projet")}`)).toBe(SEGUR);
          expect(pageText(session.lastHtml)).toContain("La recherche d’adresse est indisponible pour le moment");
        }
      }
    },
    30_000,
  );
});
