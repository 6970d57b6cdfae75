/**
 * Groupes instructeurs in the GraphQL API over HTTP: `demarche.groupeInstructeurs(closed)`,
 * `groupeInstructeur(number)` with its dossiers, `Dossier.groupeInstructeur`, and the five groupe
 * mutations through the pages' operations. Permissions: a read-only token is refused in the payload,
 * another administrateur's token and a token restricted to another démarche at the top level
 * (`unauthorized`); nothing changes when refused.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events, follows, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import type { TestDatabase } from "../../support/database";
import { type Answer, apiBearer, type GraphqlServer, postGraphql, startGraphqlServer } from "./support";

let api: GraphqlServer;
let database: TestDatabase;
let demarcheId: number;
let otherDemarcheId: number;
let defaultGroupeId: number;
let nordId: number;
let foreignGroupeId: number;
let defaultInstructeur: { instructeurId: number; userId: number; email: string };
let nordAgent: { instructeurId: number; userId: number; email: string };
let enConstruction: number;
let accepte: number;
let writeBearer: string;
let readOnlyBearer: string;
let otherAdminBearer: string;
let otherDemarcheBearer: string;

const ADMIN = "admin-groupes-api@exemple.fr";

beforeAll(async () => {
  api = await startGraphqlServer();
  database = api.database;
  const { db } = database;

  const built = await buildDemarche(db, { administrateurEmail: ADMIN });
  demarcheId = built.demarche.id;
  defaultInstructeur = built.instructeurs[0] as typeof defaultInstructeur;
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
  defaultGroupeId = groupe?.id as number;
  const nord = await createGroupe(db, admin, demarcheId, { label: "Nord" });
  if (!nord.ok) throw new Error("createGroupe");
  nordId = nord.groupeId;
  const agent = await buildUser(db, ["instructeur"]);
  nordAgent = { instructeurId: agent.instructeurId as number, userId: agent.userId, email: agent.email };
  await assignInstructeurs(
    db,
    built.administrateurId,
    demarcheId,
    { emails: agent.email, invitedByEmail: ADMIN, locale: "fr" },
    { groupeId: nordId },
  );
  enConstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  accepte = (await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur: defaultInstructeur })).dossierId;

  const other = await buildDemarche(db, { administrateurEmail: ADMIN });
  otherDemarcheId = other.demarche.id;
  const [foreign] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, otherDemarcheId));
  foreignGroupeId = foreign?.id as number;
  await buildDemarche(db, { administrateurEmail: "autre-admin-groupes@exemple.fr" });

  const bearer = (administrateurEmail: string, readOnly: boolean, demarcheNumbers?: number[]) =>
    apiBearer(db, administrateurEmail, { name: "Groupes", readOnly, demarcheNumbers });
  writeBearer = await bearer(ADMIN, false);
  readOnlyBearer = await bearer(ADMIN, true);
  otherAdminBearer = await bearer("autre-admin-groupes@exemple.fr", false);
  otherDemarcheBearer = await bearer(ADMIN, false, [otherDemarcheId]);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

function gql(query: string, variables: Record<string, unknown>, bearer = writeBearer): Promise<Answer> {
  return postGraphql(api.baseUrl, bearer, query, variables);
}

const gid = (type: string, id: number) => toGlobalId(type, id);
/** The root field of an answer that must be there. */
function root<T>(answer: Answer, key: string): T {
  const value = answer.data?.[key];
  if (!value) throw new Error(`no ${key} in ${JSON.stringify(answer)}`);
  return value as T;
}
const GROUPE_FIELDS = "id number label closed instructeurs { id email }";

async function groupeRow(id: number) {
  const [row] = await database.db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.id, id));
  return row;
}
async function memberIds(groupeId: number) {
  const rows = await database.db
    .select({ id: groupeInstructeurMembers.instructeurId })
    .from(groupeInstructeurMembers)
    .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupeId));
  return rows.map((r) => r.id).sort();
}

describe("reading groupes", () => {
  const DEMARCHE = `query q($number: Int!, $closed: Boolean) {
    demarche(number: $number) { groupeInstructeurs(closed: $closed) { ${GROUPE_FIELDS} } }
  }`;
  const GROUPE = `query q($number: Int!, $state: DossierState) {
    groupeInstructeur(number: $number) { ${GROUPE_FIELDS} dossiers(state: $state) { nodes { number groupeInstructeur { number label } } } }
  }`;

  it("lists the démarche's groupes by label with their instructeurs, filtered on closed", async () => {
    const answer = await gql(DEMARCHE, { number: demarcheId });
    expect(answer.errors).toBeUndefined();
    const groupes = root<{ groupeInstructeurs: Array<Record<string, unknown>> }>(answer, "demarche").groupeInstructeurs;
    expect(groupes.map((g) => g.label).sort()).toEqual(["Nord", "défaut"]);
    const nord = groupes.find((g) => g.number === nordId);
    expect(nord).toEqual({
      id: gid("GroupeInstructeur", nordId),
      number: nordId,
      label: "Nord",
      closed: false,
      instructeurs: [{ id: gid("Instructeur", nordAgent.instructeurId), email: nordAgent.email }],
    });
    const closed = await gql(DEMARCHE, { number: demarcheId, closed: true });
    expect(root<{ groupeInstructeurs: unknown[] }>(closed, "demarche").groupeInstructeurs).toEqual([]);
  });

  it("reads one groupe with only its dossiers, and the groupe of a dossier", async () => {
    const answer = await gql(GROUPE, { number: defaultGroupeId });
    expect(answer.errors).toBeUndefined();
    const groupe = answer.data?.groupeInstructeur as { label: string; dossiers: { nodes: Array<{ number: number }> } };
    expect(groupe.dossiers.nodes.map((d) => d.number).sort()).toEqual([enConstruction, accepte].sort());
    expect(groupe.dossiers.nodes[0]).toMatchObject({ groupeInstructeur: { number: defaultGroupeId } });
    const filtered = await gql(GROUPE, { number: defaultGroupeId, state: "accepte" });
    expect(root<typeof groupe>(filtered, "groupeInstructeur").dossiers.nodes.map((d) => d.number)).toEqual([accepte]);
    const nord = await gql(GROUPE, { number: nordId });
    expect(root<typeof groupe>(nord, "groupeInstructeur").dossiers.nodes).toEqual([]);
  });

  it("hides a groupe from another administrateur's token and from a token of another démarche; unknown is not_found", async () => {
    for (const bearer of [otherAdminBearer, otherDemarcheBearer]) {
      const hidden = await gql(GROUPE, { number: nordId }, bearer);
      expect(hidden.data).toBeNull();
      expect(hidden.errors?.[0]).toMatchObject({
        message: "An object of type GroupeInstructeur was hidden due to permissions",
        extensions: { code: "unauthorized" },
      });
    }
    const missing = await gql(GROUPE, { number: 999_999 });
    expect(missing.errors?.[0]?.extensions?.code).toBe("not_found");
  });
});

const CREER = `mutation m($input: GroupeInstructeurCreerInput!) {
  groupeInstructeurCreer(input: $input) { clientMutationId groupeInstructeur { ${GROUPE_FIELDS} } errors { message } warnings { message } }
}`;
const MODIFIER = `mutation m($input: GroupeInstructeurModifierInput!) {
  groupeInstructeurModifier(input: $input) { groupeInstructeur { label closed } errors { message } }
}`;
const AJOUTER = `mutation m($input: GroupeInstructeurAjouterInstructeursInput!) {
  groupeInstructeurAjouterInstructeurs(input: $input) { groupeInstructeur { instructeurs { email } } errors { message } warnings { message } }
}`;
const SUPPRIMER = `mutation m($input: GroupeInstructeurSupprimerInstructeursInput!) {
  groupeInstructeurSupprimerInstructeurs(input: $input) { groupeInstructeur { instructeurs { email } } errors { message } }
}`;
const CHANGER = `mutation m($input: DossierChangerGroupeInstructeurInput!) {
  dossierChangerGroupeInstructeur(input: $input) { clientMutationId dossier { number groupeInstructeur { number } } errors { message } }
}`;

describe("groupeInstructeurCreer", () => {
  it("refuses a read-only token in the payload and other tokens at the top level: nothing is created", async () => {
    const input = { demarche: { number: demarcheId }, groupeInstructeur: { label: "Refusé" } };
    expect((await gql(CREER, { input }, readOnlyBearer)).data?.groupeInstructeurCreer).toMatchObject({
      groupeInstructeur: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    for (const bearer of [otherAdminBearer, otherDemarcheBearer]) {
      const hidden = await gql(CREER, { input }, bearer);
      expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    }
    const rows = await database.db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), eq(groupesInstructeurs.label, "Refusé")));
    expect(rows).toEqual([]);
  });

  it("creates a closed groupe with its instructeurs (by e-mail and by id); invalid addresses become warnings", async () => {
    const answer = await gql(CREER, {
      input: {
        clientMutationId: "c1",
        demarche: { id: gid("Procedure", demarcheId) },
        groupeInstructeur: {
          label: "  Sud  ",
          closed: true,
          instructeurs: [
            { email: "Nouvelle.Agente@Exemple.fr" },
            { id: gid("Instructeur", nordAgent.instructeurId) },
            { email: "pas-une-adresse" },
          ],
        },
      },
    });
    const payload = answer.data?.groupeInstructeurCreer as { groupeInstructeur: { number: number } & Record<string, unknown> };
    expect(payload).toMatchObject({
      clientMutationId: "c1",
      errors: null,
      warnings: [{ message: "Ces adresses ne sont pas valides et n’ont pas été ajoutées : pas-une-adresse" }],
      groupeInstructeur: { label: "Sud", closed: true },
    });
    expect((payload.groupeInstructeur.instructeurs as Array<{ email: string }>).map((i) => i.email).sort()).toEqual(
      [nordAgent.email, "nouvelle.agente@exemple.fr"].sort(),
    );
    const row = await groupeRow(payload.groupeInstructeur.number);
    expect(row).toMatchObject({ demarcheId, label: "Sud", closed: true });
  });

  it("refuses a label already taken with the page's message", async () => {
    const answer = await gql(CREER, { input: { demarche: { number: demarcheId }, groupeInstructeur: { label: "Nord" } } });
    expect(answer.data?.groupeInstructeurCreer).toMatchObject({
      groupeInstructeur: null,
      errors: [{ message: "Un groupe porte déjà ce nom." }],
    });
  });
});

describe("groupeInstructeurModifier", () => {
  it("refuses to close the default groupe and changes nothing, its label included", async () => {
    const before = await groupeRow(defaultGroupeId);
    const answer = await gql(MODIFIER, {
      input: { groupeInstructeurId: gid("GroupeInstructeur", defaultGroupeId), label: "Renommé", closed: true },
    });
    expect(answer.data?.groupeInstructeurModifier).toMatchObject({
      groupeInstructeur: null,
      errors: [{ message: expect.stringContaining("Le groupe par défaut ne peut pas être clos") }],
    });
    expect(await groupeRow(defaultGroupeId)).toEqual(before);
  });

  it("renames and closes a groupe, then reopens it; a read-only token changes nothing", async () => {
    const input = { groupeInstructeurId: gid("GroupeInstructeur", nordId), label: "Nord-Est", closed: true };
    expect((await gql(MODIFIER, { input }, readOnlyBearer)).data?.groupeInstructeurModifier).toMatchObject({
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    expect((await groupeRow(nordId))?.label).toBe("Nord");
    expect((await gql(MODIFIER, { input })).data?.groupeInstructeurModifier).toEqual({
      groupeInstructeur: { label: "Nord-Est", closed: true },
      errors: null,
    });
    const reopen = await gql(MODIFIER, { input: { groupeInstructeurId: gid("GroupeInstructeur", nordId), closed: false } });
    expect(reopen.data?.groupeInstructeurModifier).toEqual({
      groupeInstructeur: { label: "Nord-Est", closed: false },
      errors: null,
    });
    const hidden = await gql(MODIFIER, { input }, otherAdminBearer);
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
  });
});

describe("groupeInstructeurAjouterInstructeurs and groupeInstructeurSupprimerInstructeurs", () => {
  it("adds and removes instructeurs; removal ends their follows of the groupe's dossiers", async () => {
    const groupeId = gid("GroupeInstructeur", defaultGroupeId);
    const readOnly = await gql(
      AJOUTER,
      { input: { groupeInstructeurId: groupeId, instructeurs: [{ email: "x@exemple.fr" }] } },
      readOnlyBearer,
    );
    expect(readOnly.data?.groupeInstructeurAjouterInstructeurs).toMatchObject({
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    const hidden = await gql(
      AJOUTER,
      { input: { groupeInstructeurId: groupeId, instructeurs: [{ email: "x@exemple.fr" }] } },
      otherDemarcheBearer,
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    const before = await memberIds(defaultGroupeId);

    const added = await gql(AJOUTER, {
      input: { groupeInstructeurId: groupeId, instructeurs: [{ id: gid("Instructeur", nordAgent.instructeurId) }] },
    });
    expect(added.data?.groupeInstructeurAjouterInstructeurs).toMatchObject({ errors: null, warnings: null });
    expect(await memberIds(defaultGroupeId)).toEqual([...before, nordAgent.instructeurId].sort());

    await followDossier(database.db, nordAgent.instructeurId, enConstruction, true);
    const removed = await gql(SUPPRIMER, {
      input: { groupeInstructeurId: groupeId, instructeurs: [{ email: nordAgent.email }, { email: "inconnu@exemple.fr" }] },
    });
    expect(removed.data?.groupeInstructeurSupprimerInstructeurs).toEqual({
      groupeInstructeur: { instructeurs: [{ email: defaultInstructeur.email }] },
      errors: null,
    });
    expect(await memberIds(defaultGroupeId)).toEqual(before);
    const follow = await database.db
      .select()
      .from(follows)
      .where(and(eq(follows.dossierId, enConstruction), eq(follows.instructeurId, nordAgent.instructeurId)));
    expect(follow).toEqual([]);
  });

  it("refuses to remove the last instructeur of a published démarche", async () => {
    // The Nord agent stays in « Nord-Est »: make the default groupe's instructeur the last one.
    await gql(SUPPRIMER, {
      input: { groupeInstructeurId: gid("GroupeInstructeur", nordId), instructeurs: [{ email: nordAgent.email }] },
    });
    const [sud] = await database.db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), eq(groupesInstructeurs.label, "Sud")));
    await gql(SUPPRIMER, {
      input: {
        groupeInstructeurId: gid("GroupeInstructeur", sud?.id as number),
        instructeurs: [{ email: nordAgent.email }, { email: "nouvelle.agente@exemple.fr" }],
      },
    });
    const answer = await gql(SUPPRIMER, {
      input: {
        groupeInstructeurId: gid("GroupeInstructeur", defaultGroupeId),
        instructeurs: [{ email: defaultInstructeur.email }],
      },
    });
    expect(answer.data?.groupeInstructeurSupprimerInstructeurs).toMatchObject({
      groupeInstructeur: null,
      errors: [{ message: expect.stringContaining("dernier instructeur") }],
    });
    expect(await memberIds(defaultGroupeId)).toEqual([defaultInstructeur.instructeurId]);
  });
});

describe("dossierChangerGroupeInstructeur", () => {
  const input = (dossierId: number, groupeId: number) => ({
    input: {
      clientMutationId: "m1",
      dossierId: gid("Dossier", dossierId),
      groupeInstructeurId: gid("GroupeInstructeur", groupeId),
    },
  });

  it("refuses a read-only token, other tokens, a groupe of another démarche, the same groupe and a decided dossier", async () => {
    const before = await database.db.select().from(dossiers).where(eq(dossiers.id, enConstruction));
    expect((await gql(CHANGER, input(enConstruction, nordId), readOnlyBearer)).data?.dossierChangerGroupeInstructeur).toEqual({
      clientMutationId: "m1",
      dossier: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    for (const bearer of [otherAdminBearer, otherDemarcheBearer]) {
      expect((await gql(CHANGER, input(enConstruction, nordId), bearer)).errors?.[0]?.extensions?.code).toBe("unauthorized");
    }
    expect((await gql(CHANGER, input(enConstruction, foreignGroupeId))).data?.dossierChangerGroupeInstructeur).toMatchObject({
      dossier: null,
      errors: [{ message: "Le groupe instructeur 'défaut' n’appartient pas à la même démarche que le dossier" }],
    });
    expect((await gql(CHANGER, input(enConstruction, defaultGroupeId))).data?.dossierChangerGroupeInstructeur).toMatchObject({
      dossier: null,
      errors: [{ message: "Le dossier est déjà avec le grope instructeur: 'défaut'" }],
    });
    expect((await gql(CHANGER, input(accepte, nordId))).data?.dossierChangerGroupeInstructeur).toMatchObject({
      dossier: null,
      errors: [{ message: "Seul un dossier en construction ou en instruction peut changer de groupe." }],
    });
    expect((await gql(CHANGER, input(enConstruction, 999_999))).errors?.[0]?.extensions?.code).toBe("not_found");
    expect(await database.db.select().from(dossiers).where(eq(dossiers.id, enConstruction))).toEqual(before);
  });

  it("moves the dossier by hand, recorded as the API; routing then leaves it there", async () => {
    const answer = await gql(CHANGER, input(enConstruction, nordId));
    expect(answer.data?.dossierChangerGroupeInstructeur).toEqual({
      clientMutationId: "m1",
      dossier: { number: enConstruction, groupeInstructeur: { number: nordId } },
      errors: null,
    });
    const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, enConstruction));
    expect(row).toMatchObject({ groupeInstructeurId: nordId, groupeForced: true });
    const moves = await database.db
      .select({ actor: events.actor, payload: events.payload })
      .from(events)
      .where(and(eq(events.dossierId, enConstruction), eq(events.kind, "dossier.groupe_change")));
    expect(moves.at(-1)).toMatchObject({ actor: "api", payload: { mode: "manual", toGroupeId: nordId, toLabel: "Nord-Est" } });
  });
});
