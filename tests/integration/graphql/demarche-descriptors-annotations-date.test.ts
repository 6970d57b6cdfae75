/**
 * `Demarche.champDescriptors` / `annotationDescriptors` (deprecated: the active revision's lists),
 * `Demarche.dateDepublication`, and `Dossier.dateDerniereModificationAnnotations` (the newest
 * annotation-change event, or the dossier's creation); another administrateur's token reads none.
 */
import type { Server } from "node:http";
import { and, desc, eq, inArray } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, dossiers, events } from "../../../server/db/schema";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { attachFile } from "../../../server/operations/attachments/attach-file";
import { unpublishDemarche } from "../../../server/operations/demarches/unpublish-demarche";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { buildDemarcheWithAnnotations } from "../instructeur/annotations-helpers";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let strangerBearer: string;
let demarcheId: number;
let administrateurId: number;
let annotatedId: number;
let untouchedId: number;
let instructeur: { userId: number; instructeurId: number };
let fileAnnotationId: number;

const QUERY = /* GraphQL */ `
  query fields($demarche: Int!, $annotated: Int!, $untouched: Int!) {
    demarche(number: $demarche) {
      dateDepublication
      champDescriptors { id label type }
      annotationDescriptors { id label type }
      activeRevision {
        champDescriptors { id label type }
        annotationDescriptors { id label type }
      }
    }
    annotated: dossier(number: $annotated) { dateDerniereModificationAnnotations }
    untouched: dossier(number: $untouched) { dateDerniereModificationAnnotations }
  }
`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const services = { config: database.config, db, logger: logger.child({}, { level: "silent" }) };
  const app = express();
  const mount = createGraphqlMount(services);
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const admin = "admin-descriptors-api@exemple.fr";
  const built = await buildDemarcheWithAnnotations(db, {
    administrateurEmail: admin,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Budget" },
    ],
    annotations: [
      { type: "text", libelle: "Avis du service", mandatory: false },
      { type: "piece_justificative", libelle: "Rapport", mandatory: false },
    ],
    instructeurEmails: ["instructeur-descriptors-api@exemple.fr"],
  });
  demarcheId = built.demarche.id;
  administrateurId = built.administrateurId;
  instructeur = built.instructeurs[0] as { userId: number; instructeurId: number };
  fileAnnotationId = built.annotationIds.Rapport as number;
  const demarche = { id: built.demarche.id, path: built.path };
  annotatedId = (await buildDossier(db, { demarche, state: "en_instruction" })).dossierId;
  untouchedId = (await buildDossier(db, { demarche, state: "en_instruction" })).dossierId;
  // Created long ago, so that a change of today is told apart from the creation date (whole seconds).
  await db
    .update(dossiers)
    .set({ createdAt: new Date("2026-01-05T10:00:00Z") })
    .where(inArray(dossiers.id, [annotatedId, untouchedId]));
  const typed = { [champInputName(built.annotationIds["Avis du service"] as number)]: "Favorable" };
  const saved = await saveAnnotations(db, instructeur.instructeurId, annotatedId, (name) => typed[name]);
  if (!saved.ok) throw new Error(`saveAnnotations: ${JSON.stringify(saved.refusals)}`);

  const token = await createApiToken(db, { administrateurEmail: admin, name: "Descriptors", readOnly: true });
  await buildDemarche(db, { administrateurEmail: "autre-descriptors-api@exemple.fr" });
  const stranger = await createApiToken(db, { administrateurEmail: "autre-descriptors-api@exemple.fr", name: "A" });
  if (!token.ok || !stranger.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  strangerBearer = stranger.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(token: string) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: QUERY,
      variables: { demarche: demarcheId, annotated: annotatedId, untouched: untouchedId },
    }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is what the tests check.
  return (await response.json()) as { data: any; errors?: Array<{ path?: string[]; extensions: { code: string } }> };
}

/** The newest annotation-change event of a dossier, as the database stored it. */
async function lastAnnotationEventAt(dossierId: number): Promise<Date> {
  const [row] = await database.db
    .select({ createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.dossierId, dossierId), eq(events.kind, "dossier.modifie")))
    .orderBy(desc(events.id))
    .limit(1);
  if (!row) throw new Error(`no event for dossier ${dossierId}`);
  return row.createdAt;
}

/** The API's ISO8601DateTime has whole seconds (as the reference's). */
function seconds(at: string | Date | null | undefined): number {
  return at ? Math.floor(new Date(at).getTime() / 1000) : Number.NaN;
}

async function createdAtOf(dossierId: number): Promise<Date> {
  const [row] = await database.db.select({ createdAt: dossiers.createdAt }).from(dossiers).where(eq(dossiers.id, dossierId));
  return row?.createdAt as Date;
}

describe("Demarche.champDescriptors and annotationDescriptors (deprecated)", () => {
  it("are the active revision's lists, fields and annotations apart", async () => {
    const { data, errors } = await gql(bearer);
    expect(errors).toBeUndefined();
    expect(data.demarche.champDescriptors.map((d: { label: string }) => d.label)).toEqual(["Nom du projet", "Budget"]);
    expect(data.demarche.annotationDescriptors.map((d: { label: string; type: string }) => [d.label, d.type])).toEqual([
      ["Avis du service", "text"],
      ["Rapport", "piece_justificative"],
    ]);
    expect(data.demarche.champDescriptors).toEqual(data.demarche.activeRevision.champDescriptors);
    expect(data.demarche.annotationDescriptors).toEqual(data.demarche.activeRevision.annotationDescriptors);
  });
});

describe("Dossier.dateDerniereModificationAnnotations", () => {
  it("is the last annotation change, or the dossier's creation when there was none", async () => {
    const { data, errors } = await gql(bearer);
    expect(errors).toBeUndefined();
    expect(seconds(data.annotated.dateDerniereModificationAnnotations)).toBe(seconds(await lastAnnotationEventAt(annotatedId)));
    expect(seconds(data.untouched.dateDerniereModificationAnnotations)).toBe(seconds("2026-01-05T10:00:00Z"));
    expect(seconds(await createdAtOf(untouchedId))).not.toBe(seconds(await lastAnnotationEventAt(annotatedId)));
  });

  it("moves when an instructeur attaches a file to an annotation", async () => {
    const attached = await attachFile(database.db, {
      writer: { form: "annotations", userId: instructeur.userId, instructeurId: instructeur.instructeurId, demarcheId },
      dossierId: untouchedId,
      key: String(fileAnnotationId),
      file: {
        storageKey: `tests/rapport-${untouchedId}.pdf`,
        filename: "rapport.pdf",
        contentType: "application/pdf",
        byteSize: 12,
        checksum: "a".repeat(64),
      },
    });
    expect(attached.ok).toBe(true);
    const eventAt = await lastAnnotationEventAt(untouchedId);
    expect(eventAt.getTime()).toBeGreaterThan((await createdAtOf(untouchedId)).getTime());
    const { data } = await gql(bearer);
    expect(seconds(data.untouched.dateDerniereModificationAnnotations)).toBe(seconds(eventAt));
  });
});

describe("Demarche.dateDepublication", () => {
  it("is null while published, then the unpublication instant", async () => {
    expect((await gql(bearer)).data.demarche.dateDepublication).toBeNull();
    const unpublished = await unpublishDemarche(database.db, administrateurId, demarcheId);
    expect(unpublished.ok).toBe(true);
    const [row] = await database.db
      .select({ unpublishedAt: demarches.unpublishedAt })
      .from(demarches)
      .where(eq(demarches.id, demarcheId));
    const { data, errors } = await gql(bearer);
    expect(errors).toBeUndefined();
    expect(seconds(data.demarche.dateDepublication)).toBe(seconds(row?.unpublishedAt));
  });
});

describe("another administrateur's token", () => {
  it("reads none of these fields", async () => {
    const { data, errors } = await gql(strangerBearer);
    // The reference's answer to a token without access: no data at all, `unauthorized`.
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions.code).toBe("unauthorized");
  });
});
