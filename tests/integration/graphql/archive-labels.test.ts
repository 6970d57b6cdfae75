/**
 * `dossierArchiver`, `dossierDesarchiver`, `dossierAjouterLabel`, `dossierSupprimerLabel`, `Dossier.archived` and the
 * `archived:` filter of `demarche.dossiers` over HTTP: the pages' operations and refusals, a
 * read-only token refused in the payload, another administrateur's token refused at the top level,
 * an instructeur outside the groupe refused; nothing changes when refused.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierLabels, dossiers, events } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { createLabel } from "../../../server/operations/labels/create-label";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import type { TestDatabase } from "../../support/database";
import { type Answer, apiBearer, type GraphqlServer, postGraphql, startGraphqlServer } from "./support";

let api: GraphqlServer;
let database: TestDatabase;
let demarcheId: number;
let instructeur: { instructeurId: number; userId: number; email: string };
let outsider: { instructeurId: number };
let accepte: number;
let enInstruction: number;
let labelId: number;
let foreignLabelId: number;
let writeBearer: string;
let readOnlyBearer: string;
let otherAdminBearer: string;

const ADMIN = "admin-archive-api@exemple.fr";

beforeAll(async () => {
  api = await startGraphqlServer();
  database = api.database;
  const { db } = database;

  const built = await buildDemarche(db, { administrateurEmail: ADMIN });
  demarcheId = built.demarche.id;
  instructeur = built.instructeurs[0] as typeof instructeur;
  accepte = (await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur })).dossierId;
  enInstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_instruction", instructeur })).dossierId;
  const label = await createLabel(db, built.administrateurId, demarcheId, { name: "Urgent", color: "pink-macaron" });
  if (!label.ok) throw new Error("createLabel");
  labelId = label.labelId;
  const other = await buildDemarche(db, { administrateurEmail: ADMIN });
  outsider = other.instructeurs[0] as typeof outsider;
  const foreign = await createLabel(db, other.administrateurId, other.demarche.id, { name: "Ailleurs", color: "green-menthe" });
  if (!foreign.ok) throw new Error("createLabel");
  foreignLabelId = foreign.labelId;
  await buildDemarche(db, { administrateurEmail: "autre-admin-archive@exemple.fr" });

  const bearer = (administrateurEmail: string, readOnly: boolean) =>
    apiBearer(db, administrateurEmail, { name: "Archive", readOnly });
  writeBearer = await bearer(ADMIN, false);
  readOnlyBearer = await bearer(ADMIN, true);
  otherAdminBearer = await bearer("autre-admin-archive@exemple.fr", false);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

function gql(query: string, variables: Record<string, unknown>, bearer = writeBearer): Promise<Answer> {
  return postGraphql(api.baseUrl, bearer, query, variables);
}

const ARCHIVER = /* GraphQL */ `
  mutation dossierArchiver($input: DossierArchiverInput!) {
    dossierArchiver(input: $input) { clientMutationId dossier { number archived } errors { message } }
  }
`;
const DESARCHIVER = /* GraphQL */ `
  mutation dossierDesarchiver($input: DossierDesarchiverInput!) {
    dossierDesarchiver(input: $input) { clientMutationId dossier { number archived } errors { message } }
  }
`;
const AJOUTER = /* GraphQL */ `
  mutation dossierAjouterLabel($input: DossierAjouterLabelInput!) {
    dossierAjouterLabel(input: $input) { dossier { number labels { id name } } label { id name color } errors { message } }
  }
`;
const SUPPRIMER = /* GraphQL */ `
  mutation dossierSupprimerLabel($input: DossierSupprimerLabelInput!) {
    dossierSupprimerLabel(input: $input) { dossier { number labels { id } } label { id name } errors { message } }
  }
`;
const LIST = /* GraphQL */ `
  query list($number: Int!, $archived: Boolean) {
    demarche(number: $number) { dossiers(archived: $archived) { nodes { number archived } } }
  }
`;

const gid = (type: string, id: number) => toGlobalId(type, id);
const archiveInput = (dossierId: number, instructeurId = instructeur.instructeurId) => ({
  input: { clientMutationId: "c1", dossierId: gid("Dossier", dossierId), instructeurId: gid("Instructeur", instructeurId) },
});

async function row(dossierId: number) {
  const [found] = await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  return found;
}

async function listed(archived?: boolean) {
  const answer = await gql(LIST, { number: demarcheId, archived });
  expect(answer.errors).toBeUndefined();
  const list = answer.data?.demarche as { dossiers: { nodes: Array<{ number: number; archived: boolean }> } };
  return list.dossiers.nodes;
}

describe("dossierArchiver and Dossier.archived", () => {
  it("refuses a read-only token, another administrateur's token and an instructeur outside the groupe: nothing changes", async () => {
    const before = await row(accepte);
    expect((await gql(ARCHIVER, archiveInput(accepte), readOnlyBearer)).data?.dossierArchiver).toEqual({
      clientMutationId: "c1",
      dossier: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    const hidden = await gql(ARCHIVER, archiveInput(accepte), otherAdminBearer);
    expect(hidden.data?.dossierArchiver).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect((await gql(ARCHIVER, archiveInput(accepte, outsider.instructeurId))).data?.dossierArchiver).toMatchObject({
      dossier: null,
      errors: [{ message: "L’instructeur n’a pas les droits d’accès à ce dossier" }],
    });
    expect(await row(accepte)).toEqual(before);
  });

  it("refuses a dossier not yet decided with the page's reason", async () => {
    expect((await gql(ARCHIVER, archiveInput(enInstruction))).data?.dossierArchiver).toMatchObject({
      dossier: null,
      errors: [
        { message: "Seul un dossier traité (accepté, refusé ou classé sans suite) peut être archivé ou mis à la corbeille." },
      ],
    });
    expect((await row(enInstruction))?.archived).toBe(false);
  });

  it("archives a decided dossier, recorded as the API, and the archived filter follows", async () => {
    expect((await listed(true)).map((d) => d.number)).toEqual([]);
    const answer = await gql(ARCHIVER, archiveInput(accepte));
    expect(answer.data?.dossierArchiver).toEqual({
      clientMutationId: "c1",
      dossier: { number: accepte, archived: true },
      errors: null,
    });
    expect((await row(accepte))?.archivedBy).toBe(instructeur.email);
    const [event] = await database.db
      .select({ kind: events.kind, actor: events.actor })
      .from(events)
      .where(eq(events.dossierId, accepte))
      .orderBy(asc(events.id))
      .then((rows) => rows.filter((r) => r.kind === "dossier.archive"));
    expect(event).toEqual({ kind: "dossier.archive", actor: "api" });
    expect(await listed(true)).toEqual([{ number: accepte, archived: true }]);
    expect(await listed(false)).toEqual([{ number: enInstruction, archived: false }]);
    expect((await listed()).map((d) => d.number).sort()).toEqual([accepte, enInstruction].sort());
    // Twice: refused as on the page.
    expect((await gql(ARCHIVER, archiveInput(accepte))).data?.dossierArchiver).toMatchObject({
      errors: [{ message: "Ce dossier est déjà archivé." }],
    });
  });
});

describe("dossierDesarchiver", () => {
  it("refuses a read-only token, another administrateur's token and an instructeur outside the groupe: nothing changes", async () => {
    await gql(ARCHIVER, archiveInput(accepte));
    const before = await row(accepte);
    expect(before?.archived).toBe(true);
    expect((await gql(DESARCHIVER, archiveInput(accepte), readOnlyBearer)).data?.dossierDesarchiver).toEqual({
      clientMutationId: "c1",
      dossier: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    const hidden = await gql(DESARCHIVER, archiveInput(accepte), otherAdminBearer);
    expect(hidden.data?.dossierDesarchiver).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect((await gql(DESARCHIVER, archiveInput(accepte, outsider.instructeurId))).data?.dossierDesarchiver).toMatchObject({
      dossier: null,
      errors: [{ message: "L’instructeur n’a pas les droits d’accès à ce dossier" }],
    });
    expect(await row(accepte)).toEqual(before);
  });

  it("takes the dossier out of the archives, recorded as the API; a second time is refused as on the page", async () => {
    await gql(ARCHIVER, archiveInput(accepte));
    expect((await gql(DESARCHIVER, archiveInput(accepte))).data?.dossierDesarchiver).toEqual({
      clientMutationId: "c1",
      dossier: { number: accepte, archived: false },
      errors: null,
    });
    expect(await row(accepte)).toMatchObject({ archived: false, archivedAt: null, archivedBy: null });
    const kinds = await database.db
      .select({ kind: events.kind, actor: events.actor })
      .from(events)
      .where(eq(events.dossierId, accepte))
      .orderBy(asc(events.id));
    expect(kinds.at(-1)).toEqual({ kind: "dossier.desarchive", actor: "api" });
    expect((await gql(DESARCHIVER, archiveInput(accepte))).data?.dossierDesarchiver).toMatchObject({
      dossier: null,
      errors: [{ message: "Ce dossier n’est pas archivé." }],
    });
  });
});

describe("dossierAjouterLabel and dossierSupprimerLabel", () => {
  const input = (dossierId: number, label: number) => ({
    input: { dossierId: gid("Dossier", dossierId), labelId: gid("Label", label) },
  });

  it("refuses a read-only token, another administrateur's token and a label of another démarche", async () => {
    expect((await gql(AJOUTER, input(enInstruction, labelId), readOnlyBearer)).data?.dossierAjouterLabel).toMatchObject({
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    const hidden = await gql(AJOUTER, input(enInstruction, labelId), otherAdminBearer);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect((await gql(AJOUTER, input(enInstruction, foreignLabelId))).data?.dossierAjouterLabel).toMatchObject({
      dossier: null,
      label: null,
      errors: [{ message: "Ce label n’existe pas sur la démarche du dossier" }],
    });
    expect(await database.db.select().from(dossierLabels).where(eq(dossierLabels.dossierId, enInstruction))).toEqual([]);
  });

  it("adds a label once, removes it once, with the label in the payload and events as the API", async () => {
    const added = await gql(AJOUTER, input(enInstruction, labelId));
    expect(added.data?.dossierAjouterLabel).toEqual({
      dossier: { number: enInstruction, labels: [{ id: gid("Label", labelId), name: "Urgent" }] },
      label: { id: gid("Label", labelId), name: "Urgent", color: "pink_macaron" },
      errors: null,
    });
    expect((await gql(AJOUTER, input(enInstruction, labelId))).data?.dossierAjouterLabel).toMatchObject({
      errors: [{ message: "Ce label est déjà associé au dossier" }],
    });
    const removed = await gql(SUPPRIMER, input(enInstruction, labelId));
    expect(removed.data?.dossierSupprimerLabel).toEqual({
      dossier: { number: enInstruction, labels: [] },
      label: { id: gid("Label", labelId), name: "Urgent" },
      errors: null,
    });
    expect((await gql(SUPPRIMER, input(enInstruction, labelId))).data?.dossierSupprimerLabel).toMatchObject({
      errors: [{ message: "Ce label n’est pas associé au dossier" }],
    });
    const kinds = await database.db
      .select({ kind: events.kind, actor: events.actor })
      .from(events)
      .where(eq(events.dossierId, enInstruction))
      .orderBy(asc(events.id));
    expect(kinds.filter((k) => k.kind.startsWith("label."))).toEqual([
      { kind: "label.ajoute", actor: "api" },
      { kind: "label.retire", actor: "api" },
    ]);
  });
});
