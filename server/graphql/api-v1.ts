/**
 * The legacy API v1 of the reference (`/api/v1/procedures/...`, routes in server/rest/api-v1.ts),
 * answered from the API v2's schema: each answer runs one internal GraphQL query with the
 * request's token, then reshapes it into the reference's v1 serializers (snake_case keys, legacy
 * state names, UTC dates, the first file only). Access: an unknown démarche is 404 `{}`, one the
 * token may not read 401 `{}`, as the reference's `fetch_procedure_and_check_token`.
 */
import { type DocumentNode, execute, type ExecutionResult, type GraphQLSchema, parse, validate } from "graphql";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { demarches } from "../db/schema";
import { listV1Dossiers } from "../queries/api/v1-dossiers";
import type { ApiTokenContext } from "./auth";
import { fragmentTypesOf } from "./execute";
import { createLoaders } from "./loaders";
import type { GraphqlContext } from "./resolvers/context";
import { buildGraphqlSchema } from "./resolvers/index";
import { VALIDATION_RULES } from "./resolvers/validation";

/** The reference's v1 names of the states (`DossierSerializer#state`). */
export const V1_STATES = {
  en_construction: "initiated",
  en_instruction: "received",
  accepte: "closed",
  refuse: "refused",
  sans_suite: "without_continuation",
} as const;

const SIMPLIFIED_STATES = {
  en_construction: "En construction",
  en_instruction: "En instruction",
  accepte: "Accepté",
  refuse: "Refusé",
  sans_suite: "Sans suite",
} as const;

type V1State = keyof typeof V1_STATES;

export const V1_DEFAULT_PER_PAGE = 100;
export const V1_MAX_PER_PAGE = 1000;

export type V1Answer = { status: 200 | 401 | 404; body: Record<string, unknown> };

const DESCRIPTOR = /* GraphQL */ `
  fragment V1Descriptor on ChampDescriptor {
    id
    label
    type
    description
  }
`;

const PROCEDURE_QUERY = /* GraphQL */ `
  query v1Procedure($number: Int!) {
    demarche(number: $number) {
      number
      title
      description
      state
      dateFermeture
      activeRevision {
        champDescriptors { ...V1Descriptor }
        annotationDescriptors { ...V1Descriptor }
      }
    }
  }
  ${DESCRIPTOR}
`;

const CHAMP = /* GraphQL */ `
  fragment V1Champ on Champ {
    id
    label
    stringValue
    __typename
  }
`;

const DOSSIER_QUERY = /* GraphQL */ `
  query v1Dossier($number: Int!) {
    dossier(number: $number) {
      number
      state
      archived
      motivation
      dateDepot
      datePassageEnInstruction
      dateTraitement
      dateDerniereModification
      demarche { number }
      usager { email }
      demandeur {
        ... on PersonnePhysique { civilite nom prenom }
      }
      instructeurs { email }
      champs { ...V1Champ }
      annotations { ...V1Champ }
      messages { email body createdAt attachments { url } }
      avis { question reponse dateQuestion dateReponse expert { email } claimant { email } }
      motivationAttachment { url }
    }
  }
  ${CHAMP}
`;

let prepared: { schema: GraphQLSchema; procedure: DocumentNode; dossier: DocumentNode } | null = null;

function prepare() {
  if (prepared) return prepared;
  const schema = buildGraphqlSchema();
  const procedure = parse(PROCEDURE_QUERY);
  const dossier = parse(DOSSIER_QUERY);
  for (const document of [procedure, dossier]) {
    const errors = validate(schema, document, VALIDATION_RULES);
    if (errors.length > 0) throw new Error(`API v1 query invalid: ${errors.map((e) => e.message).join("; ")}`);
  }
  prepared = { schema, procedure, dossier };
  return prepared;
}

type Json = Record<string, unknown>;

async function run(
  db: Db,
  token: ApiTokenContext,
  links: { appUrl: string; sessionSecret: string },
  document: DocumentNode,
  number: number,
): Promise<Json | null> {
  const { schema } = prepare();
  const context: GraphqlContext = {
    db,
    token,
    loaders: createLoaders(db, token),
    fragmentTypes: fragmentTypesOf(document),
    deadline: Date.now() + 30_000,
    fileLinks: links,
  };
  const result = (await execute({
    schema,
    document,
    variableValues: { number },
    contextValue: context,
  })) as ExecutionResult<Json>;
  if (result.errors?.length) {
    const code = result.errors[0]?.extensions?.code;
    if (code === "not_found" || code === "unauthorized") return null;
    throw result.errors[0];
  }
  return result.data ?? null;
}

/** 404 when the démarche does not exist, 401 when the token may not read it. */
async function checkAccess(db: Db, token: ApiTokenContext, demarcheId: number): Promise<V1Answer | null> {
  const [demarche] = await db.select({ id: demarches.id }).from(demarches).where(eq(demarches.id, demarcheId)).limit(1);
  if (!demarche) return { status: 404, body: {} };
  if (!(await createLoaders(db, token).demarcheAccess.load(demarcheId))) return { status: 401, body: {} };
  return null;
}

const utc = (value: unknown) => (typeof value === "string" ? new Date(value).toISOString() : null);

function typeDeChamp(descriptor: Json, index: number) {
  return {
    id: Number(Buffer.from(String(descriptor.id), "base64").toString("utf8").split("-").pop()) || descriptor.id,
    libelle: descriptor.label,
    type_champ: String(descriptor.type).toLowerCase(),
    order_place: index,
    description: descriptor.description ?? "",
  };
}

export async function v1Procedure(
  db: Db,
  token: ApiTokenContext,
  links: { appUrl: string; sessionSecret: string },
  demarcheId: number,
): Promise<V1Answer> {
  const refused = await checkAccess(db, token, demarcheId);
  if (refused) return refused;
  const data = await run(db, token, links, prepare().procedure, demarcheId);
  const demarche = data?.demarche as Json | undefined;
  if (!demarche) return { status: 401, body: {} };
  const revision = demarche.activeRevision as { champDescriptors: Json[]; annotationDescriptors: Json[] };
  const { total } = await listV1Dossiers(db, { demarcheId, page: 1, perPage: 1, order: "asc" });
  return {
    status: 200,
    body: {
      procedure: {
        id: demarche.number,
        label: demarche.title,
        description: demarche.description,
        organisation: null,
        direction: null,
        archived_at: utc(demarche.dateFermeture),
        geographic_information: { use_api_carto: false, quartiers_prioritaires: false, cadastre: false },
        total_dossier: total,
        link: `${links.appUrl}/commencer/${demarche.number}`,
        state: String(demarche.state).toLowerCase(),
        types_de_champ: revision.champDescriptors.map(typeDeChamp),
        types_de_champ_private: revision.annotationDescriptors.map(typeDeChamp),
        types_de_piece_justificative: [],
      },
    },
  };
}

/** `page` and `resultats_par_page` as the reference reads them: integers, the size capped at 1 000. */
export function v1Pagination(query: { page?: unknown; resultats_par_page?: unknown }): { page: number; perPage: number } {
  const integer = (value: unknown) => (typeof value === "string" && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : Number.NaN);
  const page = integer(query.page);
  const asked = integer(query.resultats_par_page);
  const perPage = Math.min(Number.isNaN(asked) ? V1_DEFAULT_PER_PAGE : asked, V1_MAX_PER_PAGE);
  return { page: page > 0 ? page : 1, perPage: perPage > 0 ? perPage : V1_DEFAULT_PER_PAGE };
}

export async function v1Dossiers(
  db: Db,
  token: ApiTokenContext,
  demarcheId: number,
  query: { page?: unknown; resultats_par_page?: unknown; order?: unknown },
): Promise<V1Answer> {
  const refused = await checkAccess(db, token, demarcheId);
  if (refused) return refused;
  const { page, perPage } = v1Pagination(query);
  const order = query.order === "desc" ? "desc" : "asc";
  const { rows, total } = await listV1Dossiers(db, { demarcheId, page, perPage, order });
  return {
    status: 200,
    body: {
      dossiers: rows.map((row) => ({
        id: row.id,
        updated_at: row.updatedAt.toISOString(),
        initiated_at: row.deposeAt?.toISOString() ?? null,
        state: V1_STATES[row.state],
      })),
      pagination: { page, resultats_par_page: perPage, nombre_de_page: Math.ceil(total / perPage) },
    },
  };
}

function champs(list: unknown): Json[] {
  return ((list as Json[] | undefined) ?? []).map((champ) => ({
    value: champ.stringValue ?? null,
    type_de_champ: {
      id: Number(Buffer.from(String(champ.id), "base64").toString("utf8").split("-").pop()) || champ.id,
      libelle: champ.label,
      type_champ: String(champ.__typename).replace(/Champ$/, ""),
    },
  }));
}

export async function v1Dossier(
  db: Db,
  token: ApiTokenContext,
  links: { appUrl: string; sessionSecret: string },
  demarcheId: number,
  dossierNumber: number,
): Promise<V1Answer> {
  const refused = await checkAccess(db, token, demarcheId);
  if (refused) return refused;
  const data = await run(db, token, links, prepare().dossier, dossierNumber);
  const dossier = data?.dossier as Json | undefined;
  if (!dossier || (dossier.demarche as Json).number !== demarcheId) return { status: 404, body: {} };
  const state = dossier.state as V1State;
  const demandeur = (dossier.demandeur ?? {}) as Json;
  const first = (files: unknown) => ((files as Json[] | undefined)?.[0]?.url as string | undefined) ?? null;
  return {
    status: 200,
    body: {
      dossier: {
        id: dossier.number,
        created_at: utc(dossier.dateDepot),
        updated_at: utc(dossier.dateDerniereModification),
        archived: dossier.archived,
        email: (dossier.usager as Json).email,
        state: V1_STATES[state],
        simplified_state: SIMPLIFIED_STATES[state],
        initiated_at: utc(dossier.dateDepot),
        received_at: utc(dossier.datePassageEnInstruction),
        processed_at: utc(dossier.dateTraitement),
        motivation: dossier.motivation ?? null,
        instructeurs: ((dossier.instructeurs as Json[]) ?? []).map((i) => i.email),
        individual:
          "nom" in demandeur ? { civilite: demandeur.civilite ?? null, nom: demandeur.nom, prenom: demandeur.prenom } : null,
        entreprise: null,
        etablissement: null,
        cerfa: [],
        champs: champs(dossier.champs),
        champs_private: champs(dossier.annotations),
        commentaires: ((dossier.messages as Json[]) ?? []).map((m) => ({
          email: m.email,
          body: m.body,
          created_at: utc(m.createdAt),
          attachment: first(m.attachments),
        })),
        avis: ((dossier.avis as Json[]) ?? []).map((a) => ({
          answer: a.reponse ?? null,
          introduction: a.question,
          created_at: utc(a.dateQuestion),
          answered_at: utc(a.dateReponse),
          email: (a.expert as Json | null)?.email ?? null,
          claimant: (a.claimant as Json | null)?.email ?? null,
        })),
        pieces_justificatives: [],
        types_de_piece_justificative: [],
        justificatif_motivation: (dossier.motivationAttachment as Json | null)?.url ?? null,
      },
    },
  };
}
