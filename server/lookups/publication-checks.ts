/**
 * What a publication would change and what prevents it: read by the publication page before the
 * administrateur confirms, and checked again by the publish operation in its transaction.
 */
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { demarchePaths, demarches, groupeInstructeurMembers, groupesInstructeurs, services } from "../db/schema";
import { demarchesOfAdministrateur } from "../db/scopes";
import { missingBeforePublication } from "../domain/demarches/publication-checklist";
import { compareRevisions, type RevisionChange } from "../domain/revisions/diff";
import { fieldListProblems, publicationBlocker } from "../domain/revisions/form-lists";
import { mailTemplateProblems } from "../domain/mail-templates/mail-templates";
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind, type TagProblem, tagText } from "../domain/tags";
import { attestationBlockers } from "./attestation-checks";
import { conditionBlockers } from "./condition-blockers";
import { loadRevisionSnapshot } from "./revision-snapshot";
import { demarcheRoutingProblems } from "./routing-blockers";
import { listMailTemplates, loadTagDemarcheContext } from "./template-tags";

/**
 * What prevents publication, as i18n keys of `admin.publication.errors`: a form with no field; in
 * the usager's form or in the annotations privées (same checks, the latter named as annotations),
 * a field without libellé or with invalid options, an empty repetition block, a type the list does
 * not offer, an invalid condition; invalid ineligibility rules; the presentation's checklist (a
 * service with a real SIRET, an instructeur, the website: `missingBeforePublication`); a customised
 * e-mail with an unknown or unavailable tag (`mailTemplateBlockers` names them); a path used by a
 * démarche this administrateur does not administer (one of their own is moved at publication).
 */
export async function publicationBlockers(
  tx: Tx,
  demarche: {
    id: number;
    draftRevisionId: number | null;
    publishedRevisionId?: number | null;
  },
  path: string | null,
  administrateurId?: number,
) {
  const blockers: string[] = [];
  const revisionId = demarche.draftRevisionId;
  // One after the other: inside a transaction they share one connection.
  const champs = revisionId ? await loadRevisionChamps(tx, revisionId) : [];
  const annotations = revisionId ? await loadRevisionChamps(tx, revisionId, { private: true }) : [];
  if (champs.filter((c) => c.type !== "header_section").length === 0) blockers.push("no_champ");
  for (const [list, fields] of [
    ["champs", champs],
    ["annotations", annotations],
  ] as const) {
    blockers.push(...fieldListProblems(fields, list).map((problem) => publicationBlocker(list, problem)));
  }
  if (revisionId) blockers.push(...(await conditionBlockers(tx, revisionId)));
  const [instructeurs] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .where(eq(groupesInstructeurs.demarcheId, demarche.id));
  const [presentation] = await tx
    .select({ lienSiteWeb: demarches.lienSiteWeb, siret: services.siret, serviceId: services.id })
    .from(demarches)
    .leftJoin(services, eq(services.id, demarches.serviceId))
    .where(eq(demarches.id, demarche.id));
  blockers.push(
    ...missingBeforePublication({
      service: presentation?.serviceId ? { siret: presentation.siret } : null,
      instructeursCount: instructeurs?.n ?? 0,
      lienSiteWeb: presentation?.lienSiteWeb ?? null,
    }),
  );
  // A customised e-mail with a tag the form no longer has, or one unavailable in that e-mail.
  if ((await mailTemplateBlockers(tx, demarche)).length > 0) blockers.push("mail_template_invalid");
  // An activated attestation with a bad tag, or whose decision e-mail lacks `--lien attestation--`.
  const attestations = await attestationBlockers(tx, demarche);
  if (attestations.some((b) => b.code !== "mail_missing_link")) blockers.push("attestation_invalid");
  if (attestations.some((b) => b.code === "mail_missing_link")) blockers.push("attestation_mail_link_missing");
  // Groupes whose routing rule reads a deleted or incompatible field, or repeats another's.
  const routing = await demarcheRoutingProblems(tx, { ...demarche, publishedRevisionId: demarche.publishedRevisionId ?? null });
  if (routing.size > 0) blockers.push("routing_invalid");
  if (path !== null && (await pathOwner(tx, path, demarche.id, administrateurId)) === "other_administration") {
    blockers.push("path_taken");
  }
  return blockers;
}

/** The changes a publication would bring (empty for a first publication: there is nothing to compare with). */
export async function pendingChanges(
  tx: DbOrTx,
  demarche: { draftRevisionId: number | null; publishedRevisionId: number | null },
): Promise<RevisionChange[]> {
  if (!demarche.draftRevisionId || !demarche.publishedRevisionId) return [];
  // One after the other: `tx` may be a transaction, one connection that runs one query at a time.
  const published = await loadRevisionSnapshot(tx, demarche.publishedRevisionId);
  const draft = await loadRevisionSnapshot(tx, demarche.draftRevisionId);
  return compareRevisions(published, draft);
}

/** The bad tags of the démarche's customised e-mails, against the draft form: each named with its e-mail. */
export async function mailTemplateBlockers(
  db: DbOrTx,
  demarche: { id: number; draftRevisionId: number | null; publishedRevisionId?: number | null },
): Promise<{ kind: MailTemplateKind; code: TagProblem["code"]; tag: string }[]> {
  const custom = await listMailTemplates(db, demarche.id);
  if (custom.size === 0) return [];
  const [row] = await db.select({ forIndividual: demarches.forIndividual }).from(demarches).where(eq(demarches.id, demarche.id));
  const context = await loadTagDemarcheContext(
    db,
    { id: demarche.id, forIndividual: row?.forIndividual ?? true },
    demarche.draftRevisionId ?? demarche.publishedRevisionId ?? null,
  );
  return MAIL_TEMPLATE_KINDS.flatMap((kind) => {
    const template = custom.get(kind);
    return template
      ? mailTemplateProblems(template, context, kind).map((p) => ({ kind, code: p.code, tag: tagText(p.tag) }))
      : [];
  });
}

/**
 * Who else holds `path` (current or former path of another démarche): nobody, one of this
 * administrateur's démarches (its path moves at publication), or a démarche they do not administer.
 */
export async function pathOwner(
  tx: DbOrTx,
  path: string,
  demarcheId: number,
  administrateurId: number | undefined,
): Promise<{ demarcheId: number } | "other_administration" | null> {
  const [holder] = await tx
    .select({ id: demarches.id })
    .from(demarches)
    .where(
      and(
        ne(demarches.id, demarcheId),
        or(
          eq(demarches.path, path),
          inArray(
            demarches.id,
            tx.select({ id: demarchePaths.demarcheId }).from(demarchePaths).where(eq(demarchePaths.path, path)),
          ),
        ),
      ),
    )
    .limit(1);
  if (!holder) return null;
  if (administrateurId === undefined) return "other_administration";
  const [own] = await tx
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, holder.id), demarchesOfAdministrateur(administrateurId)));
  return own ? { demarcheId: own.id } : "other_administration";
}
