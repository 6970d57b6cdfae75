/**
 * The administrateur's groupes instructeurs pages: the list (searchable, paginated by label: a
 * démarche may have 5,000 groupes) and one groupe with its instructeurs and rule editor.
 */
import { and, asc, count, eq, gt, ilike, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { attachments, dossiers, groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { SIMPLE_ROUTING_TYPES } from "../../domain/routing/routing";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { demarcheRoutingProblems } from "../../lookups/routing-blockers";
import { routingFields } from "../../lookups/routing-fields";
import { loadConditionFields } from "./conditions";
import { unfinishedGroupesImports } from "./groupes-import";

export const GROUPES_PAGE_SIZE = 50;

export async function listGroupes(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  options: { q?: string; after?: string } = {},
) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const q = (options.q ?? "").trim().slice(0, 200);
  const filters = [eq(groupesInstructeurs.demarcheId, demarche.id)];
  if (q !== "") filters.push(ilike(groupesInstructeurs.label, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const [total] = await db
    .select({ n: count() })
    .from(groupesInstructeurs)
    .where(and(...filters));
  if (options.after) filters.push(gt(groupesInstructeurs.label, options.after));
  const rows = await db
    .select({
      id: groupesInstructeurs.id,
      label: groupesInstructeurs.label,
      closed: groupesInstructeurs.closed,
      isDefault: groupesInstructeurs.isDefault,
      hasRule: sql<boolean>`${groupesInstructeurs.routingRule} is not null`,
      instructeurs: sql<number>`(select count(*)::int from ${groupeInstructeurMembers} m where m.groupe_instructeur_id = ${groupesInstructeurs.id})`,
      dossiers: sql<number>`(select count(*)::int from ${dossiers} d where d.groupe_instructeur_id = ${groupesInstructeurs.id} and d.state <> 'brouillon')`,
    })
    .from(groupesInstructeurs)
    .where(and(...filters))
    .orderBy(asc(groupesInstructeurs.label))
    .limit(GROUPES_PAGE_SIZE + 1);
  const problems = await demarcheRoutingProblems(db, demarche);
  const fields = (await routingFields(db, demarche))
    .filter((f) => (SIMPLE_ROUTING_TYPES as readonly string[]).includes(f.type))
    .map((f) => ({ stableId: f.stableId, libelle: f.libelle }));
  const page = rows.slice(0, GROUPES_PAGE_SIZE);
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      state: demarche.state,
      instructeursSelfManagement: demarche.instructeursSelfManagementEnabled,
    },
    total: total?.n ?? 0,
    groupes: page.map((g) => ({ ...g, problems: problems.get(g.id) ?? [] })),
    next: rows.length > GROUPES_PAGE_SIZE ? (page[page.length - 1]?.label ?? null) : null,
    problemCount: problems.size,
    simpleRoutingFields: fields,
    runningImports: await unfinishedGroupesImports(db, demarche.id),
  };
}

export async function getGroupe(db: DbOrTx, administrateurId: number, demarcheId: number, groupeId: number, locale: Locale) {
  const { demarche, groupe } = await findAdministrableGroupe(db, administrateurId, demarcheId, groupeId);
  const members = await db
    .select({ instructeurId: instructeurs.id, email: users.email, invited: sql<boolean>`${users.passwordHash} is null` })
    .from(groupeInstructeurMembers)
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id))
    .orderBy(asc(users.email));
  const problems = await demarcheRoutingProblems(db, demarche);
  const [signature] = groupe.signatureAttachmentId
    ? await db
        .select({ filename: attachments.filename, byteSize: attachments.byteSize, contentType: attachments.contentType })
        .from(attachments)
        .where(eq(attachments.id, groupe.signatureAttachmentId))
    : [];
  const revisionId = demarche.draftRevisionId ?? demarche.publishedRevisionId;
  const editor =
    revisionId === null
      ? { fields: [], lists: { departements: [], regions: [], pays: [] } }
      : await loadConditionFields(db, revisionId, locale);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    groupe: {
      id: groupe.id,
      label: groupe.label,
      closed: groupe.closed,
      isDefault: groupe.isDefault,
      routingRule: groupe.routingRule ?? null,
      problems: problems.get(groupe.id) ?? [],
      contact: groupe.contactInformation ?? null,
      signature: signature ?? null,
    },
    instructeurs: members,
    ...editor,
  };
}
