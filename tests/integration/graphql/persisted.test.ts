/**
 * Persisted queries over HTTP (`queryId` = ds-query-v2 | ds-mutation-v2 | introspection): every
 * operation of both documents runs against a seeded database and answers exactly the fields its
 * document selects (checked key by key, `@include` switches evaluated), with the seeded values;
 * without a token only persisted queries run, and only an open-data démarche's descriptor is
 * readable; an unknown id is `bad_request`.
 */
import type { Server } from "node:http";
import { eq } from "drizzle-orm";
import express from "express";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  isAbstractType,
  isObjectType,
  parse,
  type SelectionSetNode,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { demarches, dossiers } from "../../../server/db/schema";
import { champId, toGlobalId } from "../../../server/graphql/ids";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { buildGraphqlSchema } from "../../../server/graphql/resolvers/index";
import { DS_MUTATION_V2 } from "../../../server/graphql/persisted/ds-mutation-v2";
import { DS_QUERY_V2 } from "../../../server/graphql/persisted/ds-query-v2";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { createLabel } from "../../../server/operations/labels/create-label";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions.
type Json = any;

const schema = buildGraphqlSchema();
let database: TestDatabase;
let server: Server;
let baseUrl = "";
let bearer = "";
const seeded = {
  demarche: 0,
  closedDemarche: 0,
  dossier: 0,
  decided: 0,
  instructeur: { instructeurId: 0, email: "" },
  label: 0,
  annotations: new Map<string, string>(),
};
const ADMIN = "admin-persisted@exemple.fr";

async function post(body: Record<string, unknown>, token: string | null = bearer) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

const operations = (document: string) =>
  parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/**
 * Checks that `value` has exactly the response keys `selection` asks for (fragments expanded when
 * their type condition is the object's `__typename` or an interface of it, `@include` evaluated),
 * recursively. Returns the paths that differ.
 */
function shapeProblems(
  value: Json,
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  path: string,
): string[] {
  if (value === null) return [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => shapeProblems(item, selection, fragments, variables, `${path}[${i}]`));
  const fields = new Map<string, FieldNode[]>();
  const included = (node: { directives?: readonly { name: { value: string }; arguments?: readonly Json[] }[] }) => {
    const include = node.directives?.find((d) => d.name.value === "include");
    if (!include) return true;
    const arg = include.arguments?.[0]?.value;
    return arg.kind === Kind.VARIABLE ? variables[arg.name.value] === true : arg.value === true;
  };
  // Without `__typename` in the answer the condition cannot be told: the fragment is assumed to apply.
  const applies = (condition: string | undefined) => {
    if (!condition || !("__typename" in value)) return true;
    const type = schema.getType(condition);
    const concrete = schema.getType(value.__typename);
    if (type && isAbstractType(type)) return concrete !== undefined && isObjectType(concrete) && schema.isSubType(type, concrete);
    return condition === value.__typename;
  };
  const collect = (set: SelectionSetNode) => {
    for (const node of set.selections) {
      if (!included(node)) continue;
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        fields.set(key, [...(fields.get(key) ?? []), node]);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(node.typeCondition?.name.value)) collect(node.selectionSet);
      } else {
        const fragment = fragments.get(node.name.value);
        if (fragment && applies(fragment.typeCondition.name.value)) collect(fragment.selectionSet);
      }
    }
  };
  collect(selection);
  const problems: string[] = [];
  const expected = [...fields.keys()].sort();
  const actual = Object.keys(value).sort();
  if (expected.join() !== actual.join()) problems.push(`${path}: keys ${actual} instead of ${expected}`);
  for (const [key, nodes] of fields) {
    const sets = nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => s !== undefined);
    if (sets.length === 0) continue;
    const merged: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: sets.flatMap((s) => s.selections) };
    problems.push(...shapeProblems(value[key], merged, fragments, variables, `${path}.${key}`));
  }
  return problems;
}

function checkShape(document: string, operationName: string, variables: Record<string, unknown>, data: Json) {
  const parsed = parse(document);
  const fragments = new Map(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const operation = operations(document).find((o) => o.name?.value === operationName) as OperationDefinitionNode;
  const defaults = Object.fromEntries(
    operation.variableDefinitions
      ?.filter((v) => v.defaultValue?.kind === Kind.BOOLEAN)
      .map((v) => [v.variable.name.value, (v.defaultValue as { value: boolean }).value]) ?? [],
  );
  expect(shapeProblems(data, operation.selectionSet, fragments, { ...defaults, ...variables }, operationName)).toEqual([]);
}

const ALL_INCLUDES = {
  includeGroupeInstructeurs: true,
  includeDossiers: true,
  includeRevision: true,
  includeChamps: true,
  includeAnotations: true,
  includeTraitements: true,
  includeInstructeurs: true,
  includeAvis: true,
  includeMessages: true,
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const app = express();
  const mount = createGraphqlMount({ config: database.config, db, logger: logger.child({}, { level: "silent" }) });
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const built = await buildDemarche(db, {
    administrateurEmail: ADMIN,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "date", libelle: "Date de début" },
      { type: "checkbox", libelle: "Première demande", mandatory: false },
      {
        type: "repetition",
        libelle: "Partenaires",
        mandatory: false,
        children: [{ type: "text", libelle: "Nom", mandatory: false }],
      },
    ],
    annotations: [
      { type: "text", libelle: "Commentaire", mandatory: false },
      { type: "checkbox", libelle: "Vérifié", mandatory: false },
      { type: "date", libelle: "Commission", mandatory: false },
      { type: "datetime", libelle: "Rendez-vous", mandatory: false },
      { type: "integer_number", libelle: "Montant", mandatory: false },
      { type: "decimal_number", libelle: "Taux", mandatory: false },
      { type: "drop_down_list", libelle: "Avis", mandatory: false, options: { options: ["Favorable", "Défavorable"] } },
      {
        type: "repetition",
        libelle: "Visites",
        mandatory: false,
        children: [{ type: "text", libelle: "Lieu", mandatory: false }],
      },
    ],
  });
  const instructeur = built.instructeurs[0] as { instructeurId: number; userId: number; email: string };
  const demarche = { id: built.demarche.id, path: built.path };
  const dossier = await buildDossier(db, {
    demarche,
    state: "en_construction",
    values: { "Nom du projet": "Salle des fêtes", "Date de début": "2026-03-15" },
  });
  const decided = await buildDossier(db, { demarche, state: "accepte", instructeur, motivation: "Complet" });
  const annotationFields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number, { private: true });
  const label = await createLabel(db, built.administrateurId, built.demarche.id, { name: "Urgent", color: "pink-macaron" });
  if (!label.ok) throw new Error("createLabel");
  const closed = await buildDemarche(db, { administrateurEmail: "autre-persisted@exemple.fr" });
  await db.update(demarches).set({ opendata: false }).where(eq(demarches.id, closed.demarche.id));

  const token = await createApiToken(db, { administrateurEmail: ADMIN, name: "Persisted" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  Object.assign(seeded, {
    demarche: built.demarche.id,
    closedDemarche: closed.demarche.id,
    dossier: dossier.dossierId,
    decided: decided.dossierId,
    instructeur,
    label: label.labelId,
    annotations: new Map(annotationFields.map((f) => [f.libelle, champId(f.stableId)])),
  });
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

describe("ds-query-v2", () => {
  it("covers the reference's operations that our schema can answer", () => {
    expect(operations(DS_QUERY_V2).map((o) => o.name?.value)).toEqual([
      "getDemarche",
      "getGroupeInstructeur",
      "getDossier",
      "getDemarcheDescriptor",
    ]);
  });

  it("getDemarche answers the document's fields, with every include and without", async () => {
    for (const variables of [{ demarcheNumber: seeded.demarche }, { demarcheNumber: seeded.demarche, ...ALL_INCLUDES }]) {
      const { status, json } = await post({ queryId: "ds-query-v2", operationName: "getDemarche", variables });
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      checkShape(DS_QUERY_V2, "getDemarche", variables, json.data);
    }
    const { json } = await post({
      queryId: "ds-query-v2",
      operationName: "getDemarche",
      variables: { demarcheNumber: seeded.demarche, ...ALL_INCLUDES, state: "accepte" },
    });
    const demarche = json.data.demarche;
    expect(demarche).toMatchObject({ number: seeded.demarche, state: "publiee", dateFermeture: null });
    expect(demarche.activeRevision.champDescriptors.map((d: Json) => d.label)).toEqual([
      "Nom du projet",
      "Date de début",
      "Première demande",
      "Partenaires",
    ]);
    expect(demarche.activeRevision.champDescriptors[3].champDescriptors.map((d: Json) => d.label)).toEqual(["Nom"]);
    expect(demarche.activeRevision.annotationDescriptors.map((d: Json) => d.__typename)).toContain("DropDownListChampDescriptor");
    expect(demarche.dossiers.nodes.map((d: Json) => d.number)).toEqual([seeded.decided]);
    expect(demarche.dossiers.nodes[0]).toMatchObject({
      state: "accepte",
      motivation: "Complet",
      traitements: expect.arrayContaining([
        expect.objectContaining({ state: "accepte", emailAgentTraitant: seeded.instructeur.email }),
      ]),
    });
    expect(demarche.dossiers.pageInfo).toEqual({ hasPreviousPage: false, hasNextPage: false, endCursor: expect.any(String) });
  });

  it("getGroupeInstructeur answers the groupe with its instructeurs and dossiers", async () => {
    const [row] = await database.db
      .select({ groupe: dossiers.groupeInstructeurId })
      .from(dossiers)
      .where(eq(dossiers.id, seeded.dossier));
    const number = row?.groupe as number;
    for (const variables of [{ groupeInstructeurNumber: number }, { groupeInstructeurNumber: number, ...ALL_INCLUDES }]) {
      const { status, json } = await post({ queryId: "ds-query-v2", operationName: "getGroupeInstructeur", variables });
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      checkShape(DS_QUERY_V2, "getGroupeInstructeur", variables, json.data);
    }
    const variables = { groupeInstructeurNumber: number, ...ALL_INCLUDES };
    const { json } = await post({ queryId: "ds-query-v2", operationName: "getGroupeInstructeur", variables });
    const groupe = json.data.groupeInstructeur;
    expect(groupe.number).toBe(number);
    expect(groupe.instructeurs.map((i: Json) => i.email)).toContain(seeded.instructeur.email);
    expect(groupe.dossiers.nodes.map((d: Json) => d.number)).toEqual(expect.arrayContaining([seeded.dossier, seeded.decided]));
    expect(groupe.dossiers.nodes[0].groupeInstructeur).toMatchObject({ number, label: expect.any(String) });
    expect(groupe.dossiers.nodes[0].pdf.url).toMatch(/\/api\/v2\/dossiers\/\d+\/pdf\?/);
  });

  it("getDossier answers the document's fields with the dossier's values", async () => {
    const variables = { dossierNumber: seeded.dossier, ...ALL_INCLUDES };
    const { json } = await post({ queryId: "ds-query-v2", operationName: "getDossier", variables });
    expect(json.errors).toBeUndefined();
    checkShape(DS_QUERY_V2, "getDossier", variables, json.data);
    const dossier = json.data.dossier;
    expect(dossier).toMatchObject({
      number: seeded.dossier,
      state: "en_construction",
      archived: false,
      demandeur: { civilite: "Mme", nom: "Dupont", prenom: "Camille" },
      demarche: { number: seeded.demarche, title: expect.any(String), revision: { id: expect.any(String) } },
    });
    const champs = Object.fromEntries(dossier.champs.map((c: Json) => [c.label, c]));
    expect(champs["Nom du projet"]).toMatchObject({ __typename: "TextChamp", stringValue: "Salle des fêtes" });
    expect(champs["Date de début"]).toMatchObject({ __typename: "DateChamp", date: "2026-03-15", stringValue: "15 mars 2026" });
    expect(champs["Première demande"]).toMatchObject({ __typename: "CheckboxChamp", checked: true, stringValue: "true" });
    expect(champs.Partenaires).toMatchObject({ __typename: "RepetitionChamp", rows: [{ champs: [{ label: "Nom" }] }] });
    expect(dossier.annotations.map((a: Json) => a.label)).toContain("Commentaire");
  });

  it("getDemarcheDescriptor by number or id", async () => {
    for (const demarche of [{ number: seeded.demarche }, { id: toGlobalId("Procedure", seeded.demarche) }]) {
      const variables = { demarche, includeRevision: true };
      const { json } = await post({ queryId: "ds-query-v2", operationName: "getDemarcheDescriptor", variables });
      expect(json.errors).toBeUndefined();
      checkShape(DS_QUERY_V2, "getDemarcheDescriptor", variables, json.data);
      expect(json.data.demarcheDescriptor).toMatchObject({ number: seeded.demarche, state: "publiee" });
    }
  });
});

describe("ds-mutation-v2", () => {
  const dossierId = () => toGlobalId("Dossier", seeded.dossier);
  const instructeurId = () => toGlobalId("Instructeur", seeded.instructeur.instructeurId);

  async function run(operationName: string, input: Record<string, unknown>, onDossier = true) {
    const variables = { input: onDossier ? { dossierId: dossierId(), ...input } : input };
    const { status, json } = await post({ queryId: "ds-mutation-v2", operationName, variables });
    expect(status).toBe(200);
    expect(json.errors, operationName).toBeUndefined();
    checkShape(DS_MUTATION_V2, operationName, variables, json.data);
    const payload = Object.values(json.data)[0] as Json;
    expect(payload.errors, operationName).toBeNull();
    return payload;
  }

  it("runs every operation of the document on one dossier, in an order its states allow", async () => {
    const withInstructeur = { instructeurId: instructeurId() };
    const annotation = (libelle: string) => seeded.annotations.get(libelle) as string;
    const ran: string[] = [];
    const step = async (name: string, input: Record<string, unknown>) => {
      ran.push(name);
      return run(name, input);
    };

    expect((await step("dossierPasserEnInstruction", withInstructeur)).dossier.state).toBe("en_instruction");
    expect((await step("dossierRepasserEnConstruction", withInstructeur)).dossier.state).toBe("en_construction");
    await step("dossierPasserEnInstruction", withInstructeur);
    expect((await step("dossierBasculeSuivi", { ...withInstructeur, follow: true })).dossier.id).toBe(dossierId());
    expect((await step("dossierAjouterLabel", { labelId: toGlobalId("Label", seeded.label) })).label.id).toBe(
      toGlobalId("Label", seeded.label),
    );
    await step("dossierSupprimerLabel", { labelId: toGlobalId("Label", seeded.label) });
    const upload = await post({
      queryId: "ds-mutation-v2",
      operationName: "createDirectUpload",
      variables: {
        input: {
          dossierId: dossierId(),
          filename: "a.pdf",
          byteSize: 10,
          checksum: "1B2M2Y8AsgTpgAmY7PhCfg==",
          contentType: "application/pdf",
        },
      },
    });
    ran.push("createDirectUpload");
    expect(upload.json.data.createDirectUpload.directUpload).toMatchObject({ signedBlobId: expect.any(String) });
    const message = await step("dossierEnvoyerMessage", { ...withInstructeur, body: "Bonjour" });
    expect(message.message).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
    const removed = await run("dossierSupprimerMessage", { ...withInstructeur, messageId: message.message.id }, false);
    ran.push("dossierSupprimerMessage");
    expect(removed.message.discardedAt).toEqual(expect.any(String));

    const annotate = (name: string, libelle: string, value: unknown) =>
      step(name, { ...withInstructeur, annotationId: annotation(libelle), value });
    expect((await annotate("dossierModifierAnnotationText", "Commentaire", "Vu")).annotation.value).toBe("Vu");
    expect((await annotate("dossierModifierAnnotationCheckbox", "Vérifié", true)).annotation.value).toBe(true);
    expect((await annotate("dossierModifierAnnotationDate", "Commission", "2026-06-02")).annotation.value).toBe("2026-06-02");
    expect(
      (await annotate("dossierModifierAnnotationDateTime", "Rendez-vous", "2026-06-02T10:00:00+02:00")).annotation.value,
    ).toEqual(expect.stringMatching(/^2026-06-02T/));
    expect((await annotate("dossierModifierAnnotationIntegerNumber", "Montant", 1500)).annotation.value).toBe("1500");
    expect((await annotate("dossierModifierAnnotationDecimalNumber", "Taux", 2.5)).annotation.value).toBe(2.5);
    expect((await annotate("dossierModifierAnnotationDropDownList", "Avis", "Favorable")).annotation.value).toBe("Favorable");
    await step("dossierModifierAnnotationAjouterLigne", { ...withInstructeur, annotationId: annotation("Visites") });
    const several = await step("dossierModifierAnnotations", {
      ...withInstructeur,
      annotations: [{ id: annotation("Commentaire"), value: { text: "Revu" } }],
    });
    expect(several.annotations).toEqual([{ id: annotation("Commentaire"), stringValue: "Revu" }]);

    expect((await step("dossierAccepter", { ...withInstructeur, motivation: "Bien" })).dossier.state).toBe("accepte");
    expect((await step("dossierRepasserEnInstruction", withInstructeur)).dossier.state).toBe("en_instruction");
    expect((await step("dossierRefuser", { ...withInstructeur, motivation: "Non" })).dossier.state).toBe("refuse");
    await step("dossierRepasserEnInstruction", withInstructeur);
    expect((await step("dossierClasserSansSuite", { ...withInstructeur, motivation: "Sans objet" })).dossier.state).toBe(
      "sans_suite",
    );
    expect((await step("dossierArchiver", withInstructeur)).dossier.archived).toBe(true);
    expect((await step("dossierDesarchiver", withInstructeur)).dossier.archived).toBe(false);

    expect([...new Set(ran)].sort()).toEqual(
      operations(DS_MUTATION_V2)
        .map((o) => o.name?.value as string)
        .sort(),
    );
  });
});

describe("transport of persisted queries", () => {
  it("refuses an unknown id with bad_request", async () => {
    const { status, json } = await post({ queryId: "ds-query-v3", operationName: "getDemarche", variables: {} });
    expect(status).toBe(400);
    expect(json).toEqual({
      errors: [{ message: 'No query with id "ds-query-v3"', extensions: { code: "bad_request" } }],
      data: null,
    });
  });

  it("serves the standard introspection query, with or without a token", async () => {
    for (const token of [bearer, null]) {
      const { json } = await post({ queryId: "introspection", operationName: "IntrospectionQuery" }, token);
      expect(json.errors).toBeUndefined();
      expect(json.data.__schema.queryType).toMatchObject({ name: "Query" });
      expect(json.data.__schema.types.map((t: Json) => t.name)).toContain("DemarcheDescriptor");
    }
  });

  it("without a token: persisted queries only, and then only an open-data démarche's descriptor", async () => {
    const text = await post({ query: "{ __typename }" }, null);
    expect(text.status).toBe(403);
    expect(text.json.errors[0]).toEqual({
      message: "Without a token, only persisted queries are allowed",
      extensions: { code: "forbidden" },
    });

    const open = await post(
      { queryId: "ds-query-v2", operationName: "getDemarcheDescriptor", variables: { demarche: { number: seeded.demarche } } },
      null,
    );
    expect(open.json.errors).toBeUndefined();
    expect(open.json.data.demarcheDescriptor.number).toBe(seeded.demarche);

    const closed = await post(
      {
        queryId: "ds-query-v2",
        operationName: "getDemarcheDescriptor",
        variables: { demarche: { number: seeded.closedDemarche } },
      },
      null,
    );
    expect(closed.json.data).toEqual({ demarcheDescriptor: null });
    expect(closed.json.errors[0].extensions.code).toBe("unauthorized");

    const dossier = await post(
      { queryId: "ds-query-v2", operationName: "getDossier", variables: { dossierNumber: seeded.decided } },
      null,
    );
    expect(dossier.json.data).toBeNull();
    expect(dossier.json.errors[0].extensions.code).toBe("unauthorized");
    const demarche = await post(
      { queryId: "ds-query-v2", operationName: "getDemarche", variables: { demarcheNumber: seeded.demarche } },
      null,
    );
    expect(demarche.json.errors[0].extensions.code).toBe("unauthorized");

    const mutation = await post(
      {
        queryId: "ds-mutation-v2",
        operationName: "dossierArchiver",
        variables: { input: { dossierId: toGlobalId("Dossier", seeded.decided), instructeurId: "x" } },
      },
      null,
    );
    expect(mutation.json.data.dossierArchiver).toEqual({
      dossier: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
  });
});
