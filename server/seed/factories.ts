/**
 * Builders that speak the domain, shared by tests and the demo seed. They go through the real
 * operations (create, add fields, publish, start, submit, decide) so test data is always data the
 * platform itself could have produced.
 */
import { eq } from "drizzle-orm";
import type { TypeChamp } from "../domain/champs/definition";
import { defaultOptionsFor, getTypeDeChamp, resolveOptions } from "../domain/champs/registry";
import { champInputName } from "../domain/champs/validate-dossier";
import type { DossierState } from "../domain/dossier/states";
import type { Db } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { loadChampValues } from "../db/champ-values";
import { champKey } from "../domain/form/keys";
import { rowIdsOf } from "../domain/form/tree";
import {
  demarches,
  groupeInstructeurMembers,
  groupesInstructeurs,
  instructeurs,
  revisions,
  services,
  typesDeChamp,
  users,
} from "../db/schema";
import { ensureUser } from "../operations/accounts/ensure-user";
import { createDemarche } from "../operations/demarches/create-demarche";
import { publishDemarche } from "../operations/demarches/publish-demarche";
import { chooseDemarcheService } from "../operations/demarches/choose-service";
import { saveService } from "../operations/services/save-service";
import { accepterDossier } from "../operations/dossiers/accepter-dossier";
import { classerSansSuite } from "../operations/dossiers/classer-sans-suite";
import { passerEnInstruction } from "../operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../operations/dossiers/refuser-dossier";
import { startDossier } from "../operations/dossiers/start-dossier";
import { submitDossier } from "../operations/dossiers/submit-dossier";
import { updateIdentity } from "../operations/dossiers/update-identity";
import { saveChamps } from "../operations/dossiers/save-champs";
import { addChamp } from "../operations/revisions/add-champ";
import { updateChamp } from "../operations/revisions/update-champ";

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`;

export interface ChampSpec {
  type: TypeChamp;
  libelle?: string;
  mandatory?: boolean;
  options?: Record<string, unknown>;
  description?: string;
  /** Fields of a repetition block. */
  children?: ChampSpec[];
  /** Visibility condition (reference JSON AST), given the stable ids of the fields built before, by libellé. */
  condition?: (idOf: (libelle: string) => number) => unknown;
}

/** Built users' password, unless the account already existed (its password is then kept). */
export const FACTORY_PASSWORD = "mot-de-passe-de-test";

export async function buildUser(
  db: Db,
  roles: Array<"usager" | "instructeur" | "administrateur" | "expert"> = [],
  email?: string,
) {
  const address = (email ?? `user-${next()}@exemple.fr`).toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
  return ensureUser(db, { email: address, password: existing ? undefined : FACTORY_PASSWORD, roles });
}

export async function buildDemarche(
  db: Db,
  options: {
    administrateurEmail?: string;
    libelle?: string;
    champs?: ChampSpec[];
    instructeurEmails?: string[];
    published?: boolean;
    path?: string;
    /** Annotations privées (the instructeurs' own fields). */
    annotations?: ChampSpec[];
    /** false: no service and no website (the publication checklist is then incomplete). */
    presentation?: false;
    /** Ineligibility rules of the revision, given the stable ids by libellé. */
    ineligibilite?: (idOf: (libelle: string) => number) => { message: string; rules: unknown };
  } = {},
) {
  const admin = await buildUser(db, ["administrateur"], options.administrateurEmail);
  const administrateurId = admin.administrateurId as number;
  const created = await createDemarche(db, administrateurId, {
    libelle: options.libelle ?? `Démarche ${next()}`,
    description: "Une démarche de test.",
    cadreJuridique: "https://www.legifrance.gouv.fr/",
    lienDpo: "dpo@exemple.fr",
    dureeConservation: 12,
    lienSiteWeb: options.presentation === false ? undefined : "https://www.exemple.fr/demarches",
  });
  if (!created.ok) throw new Error(`createDemarche: ${JSON.stringify(created.refusals)}`);
  const demarcheId = created.demarcheId;
  // The service card the checklist requires before publication (one per administrateur, reused).
  if (options.presentation !== false) await buildService(db, administrateurId, demarcheId);
  const ids = new Map<string, number>();
  const idOf = (libelle: string) => {
    const id = ids.get(libelle);
    if (id === undefined) throw new Error(`no field "${libelle}" built before`);
    return id;
  };
  const build = async (spec: ChampSpec, parentStableId: number | null, isPrivate = false) => {
    const { stableId } = await addChamp(
      db,
      administrateurId,
      demarcheId,
      { type: spec.type, parentStableId, private: isPrivate },
      "fr",
    );
    const [demarche] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
    const current = (await loadRevisionChamps(db, demarche?.draftRevisionId as number)).find((c) => c.stableId === stableId);
    const updated = await updateChamp(db, administrateurId, demarcheId, {
      stableId,
      libelle: spec.libelle ?? current?.libelle ?? spec.type,
      description: spec.description ?? "",
      mandatory: spec.mandatory ?? true,
      options: spec.options ?? current?.options ?? {},
    });
    if (!updated.ok) throw new Error(`updateChamp: ${JSON.stringify(updated.refusals)}`);
    // The draft's own row (never published yet): conditions are written as the editor stores them.
    if (spec.condition) {
      await db
        .update(typesDeChamp)
        .set({ condition: spec.condition(idOf) })
        .where(eq(typesDeChamp.stableId, stableId));
    }
    if (spec.libelle) ids.set(spec.libelle, stableId);
    for (const child of spec.children ?? []) await build(child, stableId, isPrivate);
  };
  for (const spec of options.champs ?? [{ type: "text", libelle: "Votre projet" }]) await build(spec, null);
  for (const spec of options.annotations ?? []) await build(spec, null, true);
  if (options.ineligibilite) {
    const { message, rules } = options.ineligibilite(idOf);
    const [demarche] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
    await db
      .update(revisions)
      .set({ ineligibiliteEnabled: true, ineligibiliteMessage: message, ineligibiliteRules: rules })
      .where(eq(revisions.id, demarche?.draftRevisionId as number));
  }
  const instructeurs = [];
  for (const email of options.instructeurEmails ?? [`instructeur-${next()}@exemple.fr`]) {
    const instructeur = await buildUser(db, ["instructeur"], email);
    await assignToDefaultGroupe(db, demarcheId, instructeur.instructeurId as number);
    instructeurs.push(instructeur);
  }
  let path: string | null = null;
  if (options.published !== false) {
    const published = await publishDemarche(db, administrateurId, demarcheId, { path: options.path ?? `demarche-${next()}` });
    if (!published.ok) throw new Error(`publishDemarche: ${JSON.stringify(published.refusals)}`);
    path = published.path;
  }
  const [demarche] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
  return { demarche: demarche as typeof demarches.$inferSelect, admin, administrateurId, instructeurs, path };
}

/** The administrateur's first service (created once), chosen for the démarche when given. */
export async function buildService(db: Db, administrateurId: number, demarcheId?: number) {
  const [existing] = await db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.administrateurId, administrateurId))
    .limit(1);
  if (existing) {
    if (demarcheId) await chooseDemarcheService(db, administrateurId, demarcheId, existing.id);
    return existing.id;
  }
  const saved = await saveService(db, administrateurId, {
    serviceId: null,
    forDemarcheId: demarcheId ?? null,
    values: {
      nom: "Service des démarches",
      organisme: "Commune d’Exemple",
      typeOrganisme: "collectivite_territoriale",
      siret: "21690123100011",
      email: "contact@exemple.fr",
      telephone: "01 23 45 67 89",
      horaires: "Du lundi au vendredi, de 9 h à 17 h",
      adresse: "1 place de la Mairie, 75001 Paris",
    },
  });
  if (!saved.ok) throw new Error(`saveService: ${JSON.stringify(saved.refusals)}`);
  return saved.serviceId;
}

export async function assignToDefaultGroupe(db: Db, demarcheId: number, instructeurId: number) {
  const [groupe] = await db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, demarcheId));
  await db
    .insert(groupeInstructeurMembers)
    .values({ groupeInstructeurId: groupe?.id as number, instructeurId })
    .onConflictDoNothing();
}

/** Values by libellé or stable id, as the usager would type them in the form. */
export type DossierValues = Record<string | number, string | string[]>;

export async function buildDossier(
  db: Db,
  options: {
    demarche: { id: number; path: string | null };
    usager?: { userId: number; email: string };
    state?: DossierState;
    values?: DossierValues;
    identity?: { civilite: "M." | "Mme"; nom: string; prenom: string };
    instructeur?: { userId: number; instructeurId: number; email: string };
    motivation?: string;
  },
) {
  const usager = options.usager ?? (await buildUser(db));
  const { dossierId } = await startDossier(db, usager.userId, { path: options.demarche.path as string, test: false });
  const state = options.state ?? "brouillon";
  await updateIdentity(db, usager.userId, dossierId, options.identity ?? { civilite: "Mme", nom: "Dupont", prenom: "Camille" });
  const [demarche] = await db.select().from(demarches).where(eq(demarches.id, options.demarche.id));
  const descriptors = await loadRevisionChamps(db, demarche?.publishedRevisionId as number);
  const form = new Map<string, string | string[]>();
  // Each block starts with one row (startDossier): its children are filled in that row.
  const stored = await loadChampValues(db, dossierId);
  for (const d of descriptors) {
    if (d.type === "repetition") continue;
    const given = options.values?.[d.stableId] ?? options.values?.[d.libelle];
    const value = given ?? sampleValue(d.type, d.options);
    const rows = d.parentStableId === null ? [""] : rowIdsOf(stored, d.parentStableId);
    for (const rowId of rows) form.set(champInputName(champKey(d.stableId, rowId)), value);
  }
  await saveChamps(db, usager.userId, dossierId, (name) => form.get(name));
  if (state === "brouillon") return { dossierId, usager };
  const submitted = await submitDossier(db, usager.userId, dossierId);
  if (!submitted.ok) throw new Error(`submitDossier: ${JSON.stringify(submitted)}`);
  if (state === "en_construction") return { dossierId, usager };
  const instructeur = options.instructeur ?? (await firstInstructeur(db, options.demarche.id));
  const check = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error(`transition to ${state} failed: ${JSON.stringify(r)}`);
  };
  check(await passerEnInstruction(db, instructeur, dossierId));
  if (state === "accepte") check(await accepterDossier(db, instructeur, dossierId, options.motivation ?? null));
  if (state === "refuse") check(await refuserDossier(db, instructeur, dossierId, options.motivation ?? "Pièces manquantes."));
  if (state === "sans_suite") check(await classerSansSuite(db, instructeur, dossierId, options.motivation ?? "Demande retirée."));
  return { dossierId, usager };
}

async function firstInstructeur(db: Db, demarcheId: number) {
  const [row] = await db
    .select({ userId: users.id, instructeurId: instructeurs.id, email: users.email })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(groupesInstructeurs.demarcheId, demarcheId))
    .limit(1);
  if (!row) throw new Error("no instructeur on this démarche");
  return row;
}

/**
 * A plausible valid form input for each type (the type's `sampleFormInput`), used when a test does
 * not care about values. Options that do not parse give the type's defaults.
 */
export function sampleValue(type: TypeChamp, options: Record<string, unknown>): string {
  const resolved = resolveOptions({ type, options });
  return getTypeDeChamp(type).sampleFormInput(resolved.ok ? resolved.options : defaultOptionsFor(type));
}
