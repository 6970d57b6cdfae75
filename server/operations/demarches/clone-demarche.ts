import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import {
  demarcheAdministrateurs,
  demarches,
  expertsProcedures,
  groupeInstructeurMembers,
  groupesInstructeurs,
  labels,
  revisionTypesDeChamp,
  revisions,
  typesDeChamp,
} from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import {
  type CloneOptions,
  cloneDureeConservation,
  cloneLibelle,
  effectiveCloneOptions,
  ZCloneLibelle,
} from "../../domain/demarches/clone-options";
import { champValue, constant, eq as condEq } from "../../domain/conditions/ast";
import { type DemarcheModel, findDemarcheModel, type ModelChamp } from "../../domain/demarches/models";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { administrateurUserId } from "../../lookups/administrateur-user";
import { type OperationResult, refuse } from "../../refusal";
import { copyTemplateFiles } from "../attachments/copy-template-files";

/**
 * What an administrateur may clone: the démarches they administer, and the published (or closed)
 * démarches of the platform, not in a corbeille. Anything else is a 404.
 */
function cloneableBy(administrateurId: number): SQL {
  return and(
    isNull(demarches.hiddenAt),
    or(
      demarchesOfAdministrateur(administrateurId),
      and(isNotNull(demarches.publishedRevisionId), inArray(demarches.state, ["publiee", "close"])),
    ),
  ) as SQL;
}

export async function findCloneableDemarche(db: Db | Tx, administrateurId: number, demarcheId: number) {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const [source] = await db
    .select()
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), cloneableBy(administrateurId)))
    .limit(1);
  if (!source) throw new NotFoundError("Demarche");
  const [admin] = await db
    .select({ id: demarcheAdministrateurs.administrateurId })
    .from(demarcheAdministrateurs)
    .where(
      and(eq(demarcheAdministrateurs.demarcheId, demarcheId), eq(demarcheAdministrateurs.administrateurId, administrateurId)),
    );
  return { demarche: source, own: admin !== undefined };
}

/**
 * Clones a démarche (the reference's `Procedure#clone`) into a new brouillon with a fresh draft
 * revision and a new random path: the form copied from the source's draft (its published form when
 * the source is another administration's), with the parts chosen (`options`, see
 * domain/demarches/clone-options.ts). Fields keep their stable ids, as the reference, so
 * conditions and routing rules stay valid; their rows are new, the clone's edits never touch the
 * source. Dates, closing, replacement and path are not copied; retention is capped at 12 months.
 */
export async function cloneDemarche(
  db: Db,
  administrateurId: number,
  sourceId: number,
  input: { title?: string | null; options?: Partial<CloneOptions> } = {},
): Promise<OperationResult<{ demarcheId: number }>> {
  const title = input.title?.trim() ? ZCloneLibelle.safeParse(input.title) : null;
  if (title && !title.success) return refuse(title.error.issues[0]?.message ?? "libelle_too_long", "title");
  return db.transaction(async (tx): Promise<OperationResult<{ demarcheId: number }>> => {
    const { demarche: source, own } = await findCloneableDemarche(tx, administrateurId, sourceId);
    const options = effectiveCloneOptions(input.options, own);
    const [created] = await tx
      .insert(demarches)
      .values({
        libelle: cloneLibelle(source.libelle, title?.data ?? null),
        description: source.description,
        cadreJuridique: source.cadreJuridique,
        lienDpo: source.lienDpo,
        dureeConservation: cloneDureeConservation(source.dureeConservation),
        forIndividual: source.forIndividual,
        allowExpertReview: source.allowExpertReview,
        allowExpertMessaging: source.allowExpertMessaging,
        expertsRequireAdministrateurInvitation: source.expertsRequireAdministrateurInvitation,
        // Another administration's clone is open data, as the reference forces.
        opendata: own ? source.opendata : true,
        path: randomUUID(),
        parentDemarcheId: source.id,
      })
      .returning({ id: demarches.id });
    const demarcheId = (created as { id: number }).id;
    const [draft] = await tx.insert(revisions).values({ demarcheId }).returning({ id: revisions.id });
    const draftId = (draft as { id: number }).id;
    await tx.update(demarches).set({ draftRevisionId: draftId }).where(eq(demarches.id, demarcheId));
    const fromRevisionId = own ? source.draftRevisionId : source.publishedRevisionId;
    if (fromRevisionId) await copyChamps(tx, fromRevisionId, draftId, options);

    // Administrateurs: the cloner, plus the source's when asked (own démarche only).
    const adminIds = new Set([administrateurId]);
    if (options.administrateurs) {
      const rows = await tx
        .select({ id: demarcheAdministrateurs.administrateurId })
        .from(demarcheAdministrateurs)
        .where(eq(demarcheAdministrateurs.demarcheId, source.id));
      for (const r of rows) adminIds.add(r.id);
    }
    await tx.insert(demarcheAdministrateurs).values([...adminIds].map((id) => ({ demarcheId, administrateurId: id })));

    await copyGroupes(tx, source.id, demarcheId, options.instructeurs);
    if (options.labels) {
      const rows = await tx.select().from(labels).where(eq(labels.demarcheId, source.id)).orderBy(asc(labels.position));
      if (rows.length > 0) {
        await tx.insert(labels).values(rows.map((l) => ({ demarcheId, name: l.name, color: l.color, position: l.position })));
      }
    }
    if (options.experts) {
      const rows = await tx
        .select()
        .from(expertsProcedures)
        .where(and(eq(expertsProcedures.demarcheId, source.id), isNull(expertsProcedures.revokedAt)));
      if (rows.length > 0) {
        await tx.insert(expertsProcedures).values(
          rows.map((e) => ({
            demarcheId,
            expertId: e.expertId,
            allowDecisionAccess: e.allowDecisionAccess,
            listedByAdministrateur: e.listedByAdministrateur,
          })),
        );
      }
    }
    await recordEvent(tx, {
      kind: "demarche.clonee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: { sourceDemarcheId: source.id, model: null },
    });
    return { ok: true, demarcheId };
  });
}

/** Copies the fields of a revision (public and/or annotations) as new rows keeping their stable ids. */
async function copyChamps(tx: Tx, fromRevisionId: number, toRevisionId: number, options: CloneOptions) {
  const rows = await tx
    .select({ coordinate: revisionTypesDeChamp, champ: typesDeChamp })
    .from(revisionTypesDeChamp)
    .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
    .where(eq(revisionTypesDeChamp.revisionId, fromRevisionId))
    .orderBy(asc(revisionTypesDeChamp.id));
  const wanted = rows.filter((r) => (r.champ.private ? options.annotations : options.champs));
  const copies = new Map<number, number>();
  const ordered = [
    ...wanted.filter((r) => r.coordinate.parentId === null),
    ...wanted.filter((r) => r.coordinate.parentId !== null),
  ];
  for (const { coordinate, champ } of ordered) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = champ;
    const [row] = await tx.insert(typesDeChamp).values(fields).returning({ id: typesDeChamp.id });
    const typeDeChampId = (row as { id: number }).id;
    await copyTemplateFiles(tx, champ.id, typeDeChampId);
    const parentId = coordinate.parentId === null ? null : (copies.get(coordinate.parentId) ?? null);
    const [copy] = await tx
      .insert(revisionTypesDeChamp)
      .values({ revisionId: toRevisionId, typeDeChampId, parentId, position: coordinate.position })
      .returning({ id: revisionTypesDeChamp.id });
    copies.set(coordinate.id, (copy as { id: number }).id);
  }
  if (options.ineligibilite) {
    const [from] = await tx
      .select({
        ineligibiliteEnabled: revisions.ineligibiliteEnabled,
        ineligibiliteMessage: revisions.ineligibiliteMessage,
        ineligibiliteRules: revisions.ineligibiliteRules,
      })
      .from(revisions)
      .where(eq(revisions.id, fromRevisionId));
    if (from) await tx.update(revisions).set(from).where(eq(revisions.id, toRevisionId));
  }
}

/**
 * Groupes instructeurs: with `instructeurs`, every groupe with its rule and members; without, one
 * default groupe with no one (the reference gives it to the cloner when they are instructeur).
 */
async function copyGroupes(tx: Tx, sourceId: number, demarcheId: number, withInstructeurs: boolean) {
  if (!withInstructeurs) {
    await tx.insert(groupesInstructeurs).values({ demarcheId, label: "défaut", isDefault: true });
    return;
  }
  const groupes = await tx
    .select()
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, sourceId))
    .orderBy(asc(groupesInstructeurs.id));
  for (const g of groupes) {
    const [copy] = await tx
      .insert(groupesInstructeurs)
      .values({ demarcheId, label: g.label, closed: g.closed, isDefault: g.isDefault, routingRule: g.routingRule })
      .returning({ id: groupesInstructeurs.id });
    const members = await tx
      .select({ instructeurId: groupeInstructeurMembers.instructeurId })
      .from(groupeInstructeurMembers)
      .where(eq(groupeInstructeurMembers.groupeInstructeurId, g.id));
    if (members.length > 0) {
      await tx
        .insert(groupeInstructeurMembers)
        .values(members.map((m) => ({ groupeInstructeurId: (copy as { id: number }).id, instructeurId: m.instructeurId })));
    }
  }
  if (groupes.length === 0) await tx.insert(groupesInstructeurs).values({ demarcheId, label: "défaut", isDefault: true });
}

/**
 * Creates a brouillon démarche from a gallery model (`cloned_from_library` in the reference): its
 * presentation, form and annotations, each field a new row with its own stable id; the model's
 * conditions point to those ids. Administered by the creator, one default groupe.
 */
export async function createDemarcheFromModel(
  db: Db,
  administrateurId: number,
  modelId: string,
  input: { title?: string | null } = {},
): Promise<OperationResult<{ demarcheId: number }>> {
  const model = findDemarcheModel(modelId);
  if (!model) throw new NotFoundError("Modele");
  const title = input.title?.trim() ? ZCloneLibelle.safeParse(input.title) : null;
  if (title && !title.success) return refuse(title.error.issues[0]?.message ?? "libelle_too_long", "title");
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(demarches)
      .values({
        libelle: title?.data ?? model.libelle,
        description: model.description,
        cadreJuridique: model.cadreJuridique,
        forIndividual: model.forIndividual,
        path: randomUUID(),
        clonedFromModel: model.id,
      })
      .returning({ id: demarches.id });
    const demarcheId = (created as { id: number }).id;
    const [draft] = await tx.insert(revisions).values({ demarcheId }).returning({ id: revisions.id });
    const draftId = (draft as { id: number }).id;
    await tx.update(demarches).set({ draftRevisionId: draftId }).where(eq(demarches.id, demarcheId));
    await insertModelChamps(tx, model, draftId);
    await tx.insert(groupesInstructeurs).values({ demarcheId, label: "défaut", isDefault: true });
    await tx.insert(demarcheAdministrateurs).values({ demarcheId, administrateurId });
    await recordEvent(tx, {
      kind: "demarche.clonee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: { sourceDemarcheId: null, model: model.id },
    });
    return { ok: true as const, demarcheId };
  });
}

async function insertModelChamps(tx: Tx, model: DemarcheModel, revisionId: number) {
  const stableIds = new Map<string, number>();
  const insert = async (list: ModelChamp[], parentId: number | null) => {
    for (const [position, champ] of list.entries()) {
      const condition = champ.condition
        ? condEq(champValue(stableIds.get(champ.condition.champ) ?? 0), constant(champ.condition.equals))
        : null;
      const [row] = await tx
        .insert(typesDeChamp)
        .values({
          stableId: 0,
          typeChamp: champ.type,
          libelle: champ.libelle,
          description: champ.description,
          mandatory: champ.mandatory,
          private: champ.private,
          options: champ.options,
          condition,
        })
        .returning({ id: typesDeChamp.id });
      const id = (row as { id: number }).id;
      await tx.update(typesDeChamp).set({ stableId: id }).where(eq(typesDeChamp.id, id));
      stableIds.set(champ.key, id);
      const [coordinate] = await tx
        .insert(revisionTypesDeChamp)
        .values({ revisionId, typeDeChampId: id, parentId, position })
        .returning({ id: revisionTypesDeChamp.id });
      if (champ.champs.length > 0) await insert(champ.champs, (coordinate as { id: number }).id);
    }
  };
  await insert(model.champs, null);
  await insert(model.annotations, null);
}
