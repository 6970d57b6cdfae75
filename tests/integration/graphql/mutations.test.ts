/**
 * The API's dossier mutations over HTTP (the shared base `defineDossierMutation` and the state
 * changes built on it): the same operations as the instructeur's page, refused the reference's way
 * (payload `errors` in French for a read-only token, an instructeur outside the groupe or a refused
 * transition; top-level `unauthorized` for a dossier the token may not read), nothing changed when
 * refused, events recorded with actor "api".
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { champs, dossiers, events, follows, traitements } from "../../../server/db/schema";
import { champId, toGlobalId } from "../../../server/graphql/ids";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import type { DossierState } from "../../../server/domain/dossier/states";
import type { TestDatabase } from "../../support/database";
import { type Answer, apiBearer, type GraphqlServer, postGraphql, startGraphqlServer } from "./support";

let api: GraphqlServer;
let database: TestDatabase;
let demarche: { id: number; path: string | null };
let instructeur: { instructeurId: number; userId: number; email: string };
/** An instructeur of another démarche of the same administrateur (not in this dossier's groupe). */
let outsider: { instructeurId: number };
let writeBearer: string;
let readOnlyBearer: string;
let otherAdminBearer: string;

const ADMIN = "admin-mutations-api@exemple.fr";

beforeAll(async () => {
  api = await startGraphqlServer();
  database = api.database;
  const { db } = database;

  const built = await buildDemarche(db, { administrateurEmail: ADMIN, champs: [{ type: "text", libelle: "Nom du projet" }] });
  demarche = { id: built.demarche.id, path: built.path };
  instructeur = built.instructeurs[0] as typeof instructeur;
  const other = await buildDemarche(db, { administrateurEmail: ADMIN });
  outsider = other.instructeurs[0] as typeof outsider;
  await buildDemarche(db, { administrateurEmail: "autre-admin-mutations@exemple.fr" });

  const bearer = (administrateurEmail: string, readOnly: boolean) =>
    apiBearer(db, administrateurEmail, { name: "Mutations", readOnly });
  writeBearer = await bearer(ADMIN, false);
  readOnlyBearer = await bearer(ADMIN, true);
  otherAdminBearer = await bearer("autre-admin-mutations@exemple.fr", false);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

function gql(query: string, variables: Record<string, unknown>, bearer = writeBearer): Promise<Answer> {
  return postGraphql(api.baseUrl, bearer, query, variables);
}

/** A state-change mutation as a reference client writes it. */
const stateChange = (name: string) => /* GraphQL */ `
  mutation ${name}($input: ${name[0]?.toUpperCase()}${name.slice(1)}Input!) {
    ${name}(input: $input) {
      clientMutationId
      dossier { id number state motivation traitements { state emailAgentTraitant } }
      errors { message }
    }
  }
`;

const BASCULE_SUIVI = /* GraphQL */ `
  mutation dossierBasculeSuivi($input: DossierBasculeSuiviInput!) {
    dossierBasculeSuivi(input: $input) {
      clientMutationId
      dossier { id instructeurs { id email } }
      instructeur { id email }
      errors { message }
    }
  }
`;

const dossierGid = (id: number) => toGlobalId("Dossier", id);
const instructeurGid = (id: number) => toGlobalId("Instructeur", id);

async function dossierIn(state: DossierState) {
  return (await buildDossier(database.db, { demarche, state, instructeur })).dossierId;
}

/** Everything a refused mutation must leave untouched. */
async function snapshot(dossierId: number) {
  const { db } = database;
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  return {
    row,
    traitements: (await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).length,
    events: (await db.select().from(events).where(eq(events.dossierId, dossierId))).length,
    follows: (await db.select().from(follows).where(eq(follows.dossierId, dossierId))).length,
    mails: (await mailTemplates(dossierId)).length,
  };
}

async function mailTemplates(dossierId: number) {
  const rows = await database.db.execute(
    sql`select j.payload->>'template' as template from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}
        order by j.id`,
  );
  return rows.rows.map((row) => (row as { template: string }).template);
}

/** The last event of the dossier, or of one kind. */
const lastEvent = async (dossierId: number, kind?: string) => {
  const rows = await database.db
    .select({ kind: events.kind, actor: events.actor, actorUserId: events.actorUserId, payload: events.payload })
    .from(events)
    .where(eq(events.dossierId, dossierId))
    .orderBy(asc(events.id));
  return rows.filter((row) => kind === undefined || row.kind === kind).at(-1);
};

describe("dossier state-change mutations", () => {
  it.each([
    ["dossierPasserEnInstruction", "en_construction", "en_instruction", {}, "dossier.passe_en_instruction"],
    ["dossierRepasserEnConstruction", "en_instruction", "en_construction", {}, "dossier.repasse_en_construction"],
    ["dossierAccepter", "en_instruction", "accepte", { motivation: "Dossier complet." }, "dossier.accepte"],
    ["dossierRefuser", "en_instruction", "refuse", { motivation: "Pièces manquantes." }, "dossier.refuse"],
    ["dossierClasserSansSuite", "en_instruction", "sans_suite", { motivation: "Demande retirée." }, "dossier.classe_sans_suite"],
    ["dossierRepasserEnInstruction", "accepte", "en_instruction", {}, "dossier.repasse_en_instruction"],
  ] as const)("%s moves a %s dossier to %s, as the instructeur, recorded as the API", async (name, from, to, extra, kind) => {
    const dossierId = await dossierIn(from);
    const mailsBefore = (await mailTemplates(dossierId)).length;
    const answer = await gql(stateChange(name), {
      input: {
        clientMutationId: "client-42",
        dossierId: dossierGid(dossierId),
        instructeurId: instructeurGid(instructeur.instructeurId),
        ...extra,
      },
    });
    expect(answer.errors).toBeUndefined();
    const payload = answer.data?.[name] as { clientMutationId: string; errors: unknown; dossier: Record<string, unknown> };
    expect(payload.clientMutationId).toBe("client-42");
    expect(payload.errors).toBeNull();
    expect(payload.dossier).toMatchObject({ id: dossierGid(dossierId), number: dossierId, state: to });
    expect((payload.dossier.traitements as Array<{ state: string; emailAgentTraitant: string }>).at(-1)).toEqual({
      state: to,
      emailAgentTraitant: instructeur.email,
    });
    if ("motivation" in extra) expect(payload.dossier.motivation).toBe(extra.motivation);

    const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe(to);
    expect(await lastEvent(dossierId, kind)).toMatchObject({ kind, actor: "api", actorUserId: instructeur.userId });
    // The usager is told of every change but the hand-back to construction (as on the page).
    if (name !== "dossierRepasserEnConstruction") expect((await mailTemplates(dossierId)).length).toBe(mailsBefore + 1);
  });

  it("does not e-mail the usager with disableNotification, and says so in the event", async () => {
    const dossierId = await dossierIn("en_instruction");
    const mailsBefore = await mailTemplates(dossierId);
    const answer = await gql(stateChange("dossierAccepter"), {
      input: {
        dossierId: dossierGid(dossierId),
        instructeurId: instructeurGid(instructeur.instructeurId),
        disableNotification: true,
      },
    });
    expect(answer.data?.dossierAccepter).toMatchObject({ errors: null, clientMutationId: null, dossier: { state: "accepte" } });
    expect(await mailTemplates(dossierId)).toEqual(mailsBefore);
    expect(await lastEvent(dossierId)).toMatchObject({ kind: "dossier.accepte", payload: { silent: true } });
  });

  it("refuses a read-only token in the payload, as the reference words it, and changes nothing", async () => {
    const dossierId = await dossierIn("en_construction");
    const before = await snapshot(dossierId);
    const answer = await gql(
      stateChange("dossierPasserEnInstruction"),
      {
        input: {
          clientMutationId: "ro",
          dossierId: dossierGid(dossierId),
          instructeurId: instructeurGid(instructeur.instructeurId),
        },
      },
      readOnlyBearer,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dossierPasserEnInstruction).toEqual({
      clientMutationId: "ro",
      dossier: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("hides the dossier of another administrateur's démarche (top-level unauthorized) and changes nothing", async () => {
    const dossierId = await dossierIn("en_construction");
    const before = await snapshot(dossierId);
    const answer = await gql(
      stateChange("dossierPasserEnInstruction"),
      { input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(instructeur.instructeurId) } },
      otherAdminBearer,
    );
    expect(answer.data?.dossierPasserEnInstruction).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: "An object of type Dossier was hidden due to permissions",
        extensions: { code: "unauthorized" },
      }),
    ]);
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("answers not_found for an unknown or malformed dossier id", async () => {
    for (const dossierId of [dossierGid(99_999_999), toGlobalId("Procedure", demarche.id), "pas-un-id"]) {
      const answer = await gql(stateChange("dossierPasserEnInstruction"), {
        input: { dossierId, instructeurId: instructeurGid(instructeur.instructeurId) },
      });
      expect(answer.errors).toEqual([
        expect.objectContaining({ message: "Dossier not found", extensions: { code: "not_found" } }),
      ]);
    }
  });

  it("refuses an instructeur outside the dossier's groupe (or unknown) in the payload, and changes nothing", async () => {
    const dossierId = await dossierIn("en_construction");
    const before = await snapshot(dossierId);
    const stranger = await buildUser(database.db, ["instructeur"]);
    for (const instructeurId of [
      instructeurGid(outsider.instructeurId),
      instructeurGid(stranger.instructeurId as number),
      instructeurGid(99_999_999),
      dossierGid(dossierId),
    ]) {
      const answer = await gql(stateChange("dossierPasserEnInstruction"), {
        input: { dossierId: dossierGid(dossierId), instructeurId },
      });
      expect(answer.data?.dossierPasserEnInstruction).toEqual({
        clientMutationId: null,
        dossier: null,
        errors: [{ message: "L’instructeur n’a pas les droits d’accès à ce dossier" }],
      });
    }
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("returns the state machine's refusals in French in the payload, and changes nothing", async () => {
    const dossierId = await dossierIn("en_construction");
    const before = await snapshot(dossierId);
    const accept = await gql(stateChange("dossierAccepter"), {
      input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(instructeur.instructeurId) },
    });
    expect(accept.data?.dossierAccepter).toEqual({
      clientMutationId: null,
      dossier: null,
      errors: [{ message: "Cette action n’est pas possible dans l’état actuel du dossier" }],
    });

    const enInstruction = await dossierIn("en_instruction");
    const beforeRefusal = await snapshot(enInstruction);
    const refuse = await gql(stateChange("dossierRefuser"), {
      input: { dossierId: dossierGid(enInstruction), instructeurId: instructeurGid(instructeur.instructeurId), motivation: "  " },
    });
    expect(refuse.data?.dossierRefuser).toMatchObject({ errors: [{ message: "La motivation est obligatoire" }], dossier: null });
    expect(await snapshot(dossierId)).toEqual(before);
    expect(await snapshot(enInstruction)).toEqual(beforeRefusal);
  });

  it("refuses a justificatif that is not a signedBlobId of ours before changing anything", async () => {
    const dossierId = await dossierIn("en_instruction");
    const before = await snapshot(dossierId);
    const answer = await gql(stateChange("dossierAccepter"), {
      input: {
        dossierId: dossierGid(dossierId),
        instructeurId: instructeurGid(instructeur.instructeurId),
        justificatif: "eyJfcmFpbHMiOnt9fQ==",
      },
    });
    expect(answer.data?.dossierAccepter).toMatchObject({
      dossier: null,
      errors: [{ message: "L’identifiant du fichier téléversé est invalide" }],
    });
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("validates the input as the schema says (a refusal without motivation is not even run)", async () => {
    const dossierId = await dossierIn("en_instruction");
    const answer = await gql(stateChange("dossierRefuser"), {
      input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(instructeur.instructeurId) },
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.message).toContain("motivation");
    const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("en_instruction");
  });
});

describe("dossierBasculeSuivi and Dossier.instructeurs", () => {
  it("follows then unfollows, lists the followers, and records the API as actor", async () => {
    const dossierId = await dossierIn("en_construction");
    const me = { id: instructeurGid(instructeur.instructeurId), email: instructeur.email };
    const follow = await gql(BASCULE_SUIVI, {
      input: { clientMutationId: "f", dossierId: dossierGid(dossierId), instructeurId: me.id },
    });
    expect(follow.errors).toBeUndefined();
    expect(follow.data?.dossierBasculeSuivi).toEqual({
      clientMutationId: "f",
      dossier: { id: dossierGid(dossierId), instructeurs: [me] },
      instructeur: me,
      errors: null,
    });
    expect(await lastEvent(dossierId)).toMatchObject({ kind: "dossier.suivi", actor: "api" });

    const unfollow = await gql(BASCULE_SUIVI, {
      input: { dossierId: dossierGid(dossierId), instructeurId: me.id, follow: false },
    });
    expect(unfollow.data?.dossierBasculeSuivi).toMatchObject({ dossier: { instructeurs: [] }, instructeur: me, errors: null });
    expect(await lastEvent(dossierId)).toMatchObject({ kind: "dossier.plus_suivi", actor: "api" });
  });

  it("refuses a read-only token and an instructeur outside the groupe, and changes nothing", async () => {
    const dossierId = await dossierIn("en_construction");
    const before = await snapshot(dossierId);
    const readOnly = await gql(
      BASCULE_SUIVI,
      { input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(instructeur.instructeurId) } },
      readOnlyBearer,
    );
    expect(readOnly.data?.dossierBasculeSuivi).toMatchObject({
      instructeur: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    const outside = await gql(BASCULE_SUIVI, {
      input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(outsider.instructeurId) },
    });
    expect(outside.data?.dossierBasculeSuivi).toMatchObject({
      errors: [{ message: "L’instructeur n’a pas les droits d’accès à ce dossier" }],
    });
    const hidden = await gql(
      BASCULE_SUIVI,
      { input: { dossierId: dossierGid(dossierId), instructeurId: instructeurGid(instructeur.instructeurId) } },
      otherAdminBearer,
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect(await snapshot(dossierId)).toEqual(before);
  });
});

describe("dossierModifierAnnotation* mutations", () => {
  const ANNOTATIONS = [
    { type: "text", libelle: "Commentaire", mandatory: false },
    { type: "checkbox", libelle: "Pièces vérifiées", mandatory: false },
    { type: "date", libelle: "Date de la commission", mandatory: false },
    { type: "datetime", libelle: "Rendez-vous", mandatory: false },
    { type: "integer_number", libelle: "Montant accordé", mandatory: false },
    { type: "decimal_number", libelle: "Taux", mandatory: false },
    { type: "drop_down_list", libelle: "Avis", mandatory: false, options: { options: ["Favorable", "Défavorable"] } },
    { type: "repetition", libelle: "Visites", mandatory: false, children: [{ type: "text", libelle: "Lieu", mandatory: false }] },
  ] as const;
  let annotated: { id: number; path: string | null };
  let annotationIds: Map<string, string>;
  let annotator: { instructeurId: number; userId: number; email: string };

  beforeAll(async () => {
    const { db } = database;
    const built = await buildDemarche(db, {
      administrateurEmail: ADMIN,
      champs: [{ type: "text", libelle: "Nom du projet" }],
      annotations: ANNOTATIONS.map((a) => ({
        ...a,
        options: "options" in a ? { ...a.options } : undefined,
        children: "children" in a ? [...a.children] : undefined,
      })),
    });
    annotated = { id: built.demarche.id, path: built.path };
    annotator = built.instructeurs[0] as typeof annotator;
    const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number, { private: true });
    annotationIds = new Map(fields.map((f) => [f.libelle, champId(f.stableId)]));
  }, 120_000);

  const modifierQuery = (type: string) => /* GraphQL */ `
    mutation m($input: DossierModifierAnnotation${type}Input!) {
      dossierModifierAnnotation${type}(input: $input) {
        clientMutationId
        annotation { id label stringValue }
        errors { message }
      }
    }
  `;

  async function annotatedDossier() {
    return (await buildDossier(database.db, { demarche: annotated, state: "en_instruction", instructeur: annotator })).dossierId;
  }
  const inputFor = (dossierId: number, libelle: string, extra: Record<string, unknown>) => ({
    input: {
      dossierId: dossierGid(dossierId),
      instructeurId: instructeurGid(annotator.instructeurId),
      annotationId: annotationIds.get(libelle),
      ...extra,
    },
  });
  const stored = async (dossierId: number, libelle: string) => {
    const id = annotationIds.get(libelle) as string;
    const stableId = Number(Buffer.from(id, "base64").toString("utf8").split("-")[1]);
    const [row] = await database.db
      .select({ value: champs.value })
      .from(champs)
      .where(and(eq(champs.dossierId, dossierId), eq(champs.stableId, stableId), eq(champs.rowId, "")));
    return row?.value ?? null;
  };

  it.each([
    ["Text", "Commentaire", "Dossier solide.", "Dossier solide."],
    ["Checkbox", "Pièces vérifiées", true, "true"],
    ["Date", "Date de la commission", "2026-06-02", "2026-06-02"],
    ["Datetime", "Rendez-vous", "2026-06-02T08:30:00Z", "2026-06-02T10:30"],
    ["IntegerNumber", "Montant accordé", 15000, "15000"],
    ["DecimalNumber", "Taux", 2.5, "2.5"],
    ["DropDownList", "Avis", "Favorable", "Favorable"],
  ] as const)("%s writes the annotation « %s » through the page's operation", async (type, libelle, value, expected) => {
    const dossierId = await annotatedDossier();
    const answer = await gql(modifierQuery(type), inputFor(dossierId, libelle, { value, clientMutationId: type }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.[`dossierModifierAnnotation${type}`]).toMatchObject({
      clientMutationId: type,
      errors: null,
      annotation: { id: annotationIds.get(libelle), label: libelle },
    });
    expect(await stored(dossierId, libelle)).toBe(expected);
  });

  it("refuses an annotation of another type or an unknown one, and changes nothing", async () => {
    const dossierId = await annotatedDossier();
    const before = await snapshot(dossierId);
    const wrongType = await gql(modifierQuery("Text"), inputFor(dossierId, "Montant accordé", { value: "douze" }));
    expect(wrongType.data?.dossierModifierAnnotationText).toEqual({
      clientMutationId: null,
      annotation: null,
      errors: [{ message: `L’annotation "${annotationIds.get("Montant accordé")}" n’existe pas` }],
    });
    const unknown = await gql(
      modifierQuery("Text"),
      inputFor(dossierId, "Commentaire", { value: "x", annotationId: champId(99_999) }),
    );
    expect(unknown.data?.dossierModifierAnnotationText).toMatchObject({
      errors: [{ message: expect.stringContaining("n’existe pas") }],
    });
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("returns the form's validation refusal in French and changes nothing", async () => {
    const dossierId = await annotatedDossier();
    const before = await snapshot(dossierId);
    const answer = await gql(modifierQuery("DropDownList"), inputFor(dossierId, "Avis", { value: "Peut-être" }));
    expect(answer.data?.dossierModifierAnnotationDropDownList).toEqual({
      clientMutationId: null,
      annotation: null,
      errors: [{ message: "Le champ « Avis » doit correspondre à l’un des choix proposés" }],
    });
    expect(await stored(dossierId, "Avis")).toBeNull();
    expect(await snapshot(dossierId)).toEqual(before);
  });

  it("refuses a read-only token, another administrateur's token and an instructeur outside the groupe", async () => {
    const dossierId = await annotatedDossier();
    const before = await snapshot(dossierId);
    const input = inputFor(dossierId, "Commentaire", { value: "Non." });
    expect((await gql(modifierQuery("Text"), input, readOnlyBearer)).data?.dossierModifierAnnotationText).toMatchObject({
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    expect((await gql(modifierQuery("Text"), input, otherAdminBearer)).errors?.[0]?.extensions?.code).toBe("unauthorized");
    const outside = { input: { ...input.input, instructeurId: instructeurGid(outsider.instructeurId) } };
    expect((await gql(modifierQuery("Text"), outside)).data?.dossierModifierAnnotationText).toMatchObject({
      errors: [{ message: "L’instructeur n’a pas les droits d’accès à ce dossier" }],
    });
    expect(await snapshot(dossierId)).toEqual(before);
    expect(await stored(dossierId, "Commentaire")).toBeNull();
  });

  it("adds a row to a repetition annotation", async () => {
    const dossierId = await annotatedDossier();
    const query = /* GraphQL */ `
      mutation m($input: DossierModifierAnnotationAjouterLigneInput!) {
        dossierModifierAnnotationAjouterLigne(input: $input) {
          annotation { id rows { champs { label } } }
          errors { message }
        }
      }
    `;
    const first = await gql(query, inputFor(dossierId, "Visites", {}));
    expect(first.errors).toBeUndefined();
    const rowsOf = (answer: Answer) =>
      (answer.data?.dossierModifierAnnotationAjouterLigne?.annotation as { rows: unknown[] } | undefined)?.rows.length;
    const rowsAfterFirst = rowsOf(first) ?? 0;
    const second = await gql(query, inputFor(dossierId, "Visites", {}));
    expect(second.data?.dossierModifierAnnotationAjouterLigne).toMatchObject({ errors: null });
    expect(rowsOf(second)).toBe(rowsAfterFirst + 1);
    const wrong = await gql(query, inputFor(dossierId, "Commentaire", {}));
    expect(wrong.data?.dossierModifierAnnotationAjouterLigne).toMatchObject({
      annotation: null,
      errors: [{ message: expect.stringContaining("n’existe pas") }],
    });
  });

  it("dossierModifierAnnotations writes several annotations at once, or none when one is refused", async () => {
    const query = /* GraphQL */ `
      mutation m($input: DossierModifierAnnotationsInput!) {
        dossierModifierAnnotations(input: $input) {
          clientMutationId
          annotations { id stringValue }
          errors { message }
        }
      }
    `;
    const dossierId = await annotatedDossier();
    const id = (libelle: string) => annotationIds.get(libelle) as string;
    const input = (annotations: unknown[]) => ({
      input: {
        clientMutationId: "multi",
        dossierId: dossierGid(dossierId),
        instructeurId: instructeurGid(annotator.instructeurId),
        annotations,
      },
    });
    const ok = await gql(
      query,
      input([
        { id: id("Commentaire"), value: { text: "Complet." } },
        { id: id("Montant accordé"), value: { integerNumber: 1200 } },
        { id: id("Pièces vérifiées"), value: { checkbox: true } },
      ]),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.dossierModifierAnnotations).toMatchObject({
      clientMutationId: "multi",
      errors: null,
      annotations: [{ id: id("Commentaire") }, { id: id("Montant accordé") }, { id: id("Pièces vérifiées") }],
    });
    expect([await stored(dossierId, "Commentaire"), await stored(dossierId, "Montant accordé")]).toEqual(["Complet.", "1200"]);

    const before = await snapshot(dossierId);
    const oneInvalid = await gql(
      query,
      input([
        { id: id("Commentaire"), value: { text: "Changé." } },
        { id: id("Avis"), value: { dropDownList: "Peut-être" } },
      ]),
    );
    expect(oneInvalid.data?.dossierModifierAnnotations).toMatchObject({
      annotations: null,
      errors: [{ message: "Le champ « Avis » doit correspondre à l’un des choix proposés" }],
    });
    const wrongKind = await gql(query, input([{ id: id("Commentaire"), value: { integerNumber: 3 } }]));
    expect(wrongKind.data?.dossierModifierAnnotations).toMatchObject({
      errors: [{ message: `L’annotation "${id("Commentaire")}" n’existe pas` }],
    });
    const repetition = await gql(query, input([{ id: id("Visites"), value: { repetition: 2 } }]));
    expect(repetition.data?.dossierModifierAnnotations).toMatchObject({
      errors: [{ message: expect.stringContaining("dossierModifierAnnotationAjouterLigne") }],
    });
    const twoKeys = await gql(query, input([{ id: id("Commentaire"), value: { text: "a", textarea: "b" } }]));
    expect(twoKeys.data).toBeNull();
    expect(await snapshot(dossierId)).toEqual(before);
    expect(await stored(dossierId, "Commentaire")).toBe("Complet.");
  });
});
