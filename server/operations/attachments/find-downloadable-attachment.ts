/**
 * The attachment a viewer may download, or NotFoundError (404, whether it exists or not):
 * - a dossier's file: the dossier's usager, and instructeurs who can see the dossier (their scope);
 *   a file of an annotation privée only those instructeurs, never the usager;
 * - a model or notice file of a field: the démarche's administrateurs and instructeurs, anyone
 *   when the field is in the published revision of a published démarche (the form is public), and
 *   usagers with a dossier on a revision that has the field (test dossiers, older revisions).
 * - an avis's file (its request's or its answer's): the dossier's instructeurs and the expert it is
 *   addressed to; an answer's file also the dossier's other experts unless the avis is
 *   confidential; never the usager. An expert also reads the dossier's own files (the annotations'
 *   only when one of their avis allows it).
 * - a message's file: the dossier's usager and instructeurs (before it is sent: its uploader);
 * A signed link (GraphQL `File.url`) stands for an authorised viewer (`viewer: "signed"`).
 */
import { and, eq, exists, isNotNull, not, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  attachments,
  avis,
  demarches,
  dossiers,
  expertsProcedures,
  revisionTypesDeChamp,
  revisions,
  typesDeChamp,
} from "../../db/schema";
import {
  demarchesOfAdministrateur,
  demarchesOfInstructeur,
  dossiersOfUsagerOrInvitee,
  dossiersVisibleToExpert,
  dossiersVisibleToInstructeur,
} from "../../db/scopes";
import { NotFoundError } from "../../errors";

export interface Viewer {
  userId: number;
  administrateurId: number | null;
  instructeurId: number | null;
  expertId?: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAttachmentId(value: string): boolean {
  return UUID.test(value);
}

/** The attachment belongs to an annotation privée (a stable id is private in every revision). */
const ofAnnotation = exists(
  sql`(select 1 from ${typesDeChamp} where ${typesDeChamp.stableId} = ${attachments.stableId} and ${typesDeChamp.private})`,
);

/** Dossiers of this attachment the viewer can see; the usager does not see the annotations' files. */
function dossierVisibleTo(viewer: Viewer): SQL {
  const scopes = [and(dossiersOfUsagerOrInvitee(viewer.userId), not(ofAnnotation)) as SQL];
  if (viewer.instructeurId !== null) scopes.push(dossiersVisibleToInstructeur(viewer.instructeurId));
  if (viewer.expertId != null) {
    const expertId = viewer.expertId;
    // An annotation's file only through an avis that shows the annotations.
    const annotationsAllowed = exists(
      sql`(select 1 from ${avis} join ${expertsProcedures} on ${expertsProcedures.id} = ${avis.expertsProcedureId}
            where ${avis.dossierId} = ${dossiers.id} and ${expertsProcedures.expertId} = ${expertId}
              and ${avis.revokedAt} is null and ${avis.annotationsVisible})`,
    );
    scopes.push(and(dossiersVisibleToExpert(expertId), or(not(ofAnnotation), annotationsAllowed)) as SQL);
  }
  return exists(sql`(select 1 from ${dossiers} where ${dossiers.id} = ${attachments.dossierId} and (${or(...scopes)}))`);
}

/**
 * A decision's justificatif: as the dossier's files, except that the usager (or an invitee) may not
 * read it while the démarche's accusé de lecture hides the decision (ds-behaviour §2.8): only once
 * the decision is acknowledged. The dossier's instructeurs and experts always may.
 */
function justificatifVisibleTo(viewer: Viewer): SQL {
  const decisionHidden = sql`exists (select 1 from ${dossiers} join ${demarches} on ${demarches.id} = ${dossiers.demarcheId}
    where ${dossiers.id} = ${attachments.dossierId} and ${demarches.accuseLecture} and ${dossiers.accuseLectureAgreementAt} is null)`;
  const staff: SQL[] = [];
  if (viewer.instructeurId !== null) staff.push(dossiersVisibleToInstructeur(viewer.instructeurId));
  if (viewer.expertId != null) staff.push(dossiersVisibleToExpert(viewer.expertId));
  const byStaff =
    staff.length > 0
      ? [exists(sql`(select 1 from ${dossiers} where ${dossiers.id} = ${attachments.dossierId} and (${or(...staff)}))`)]
      : [];
  return or(and(dossierVisibleTo(viewer), not(decisionHidden)), ...byStaff) as SQL;
}

/** An avis's file: instructeurs of its dossier, its expert, other experts of the dossier for a shared answer. */
function avisFileVisibleTo(viewer: Viewer): SQL {
  const scopes: SQL[] = [];
  if (viewer.instructeurId !== null) {
    scopes.push(
      exists(
        sql`(select 1 from ${dossiers} where ${dossiers.id} = ${attachments.dossierId} and ${dossiersVisibleToInstructeur(viewer.instructeurId)})`,
      ),
    );
  }
  if (viewer.expertId != null) {
    const expertId = viewer.expertId;
    scopes.push(
      exists(
        sql`(select 1 from ${avis} join ${expertsProcedures} on ${expertsProcedures.id} = ${avis.expertsProcedureId}
              where ${avis.id} = ${attachments.avisId} and ${avis.revokedAt} is null
                and (${expertsProcedures.expertId} = ${expertId}
                     or (${attachments.purpose} = 'avis_reponse' and not ${avis.confidentiel}
                         and exists (select 1 from ${dossiers} where ${dossiers.id} = ${avis.dossierId} and ${dossiersVisibleToExpert(expertId)}))))`,
      ),
    );
  }
  return scopes.length > 0 ? (or(...scopes) as SQL) : sql`false`;
}

/**
 * A message's file: whoever sees the dossier (its usager, its instructeurs); a file not sent yet
 * only its uploader.
 */
function messageFileVisibleTo(viewer: Viewer): SQL {
  return or(
    and(isNotNull(attachments.commentaireId), dossierVisibleTo(viewer)),
    eq(attachments.uploadedByUserId, viewer.userId),
  ) as SQL;
}

/** Démarches whose revisions contain the attachment's field, restricted by `condition`. */
function fieldInDemarche(condition: SQL): SQL {
  return exists(
    sql`(select 1 from ${revisionTypesDeChamp}
          join ${revisions} on ${revisions.id} = ${revisionTypesDeChamp.revisionId}
          join ${demarches} on ${demarches.id} = ${revisions.demarcheId}
         where ${revisionTypesDeChamp.typeDeChampId} = ${attachments.typeDeChampId} and ${condition})`,
  );
}

function templateVisibleTo(viewer: Viewer | null): SQL {
  const conditions: SQL[] = [sql`${demarches.state} = 'publiee' and ${demarches.publishedRevisionId} = ${revisions.id}`];
  if (viewer) {
    conditions.push(
      sql`exists (select 1 from ${dossiers} where ${dossiers.revisionId} = ${revisions.id} and ${dossiers.userId} = ${viewer.userId})`,
    );
    if (viewer.administrateurId !== null) conditions.push(demarchesOfAdministrateur(viewer.administrateurId));
    if (viewer.instructeurId !== null) conditions.push(demarchesOfInstructeur(viewer.instructeurId));
  }
  return fieldInDemarche(or(...conditions) as SQL);
}

export async function findDownloadableAttachment(db: DbOrTx, viewer: Viewer | "signed" | null, attachmentId: string) {
  if (!isAttachmentId(attachmentId)) throw new NotFoundError("Attachment");
  const access =
    viewer === "signed"
      ? sql`true`
      : or(
          and(eq(attachments.purpose, "champ"), viewer ? dossierVisibleTo(viewer) : sql`false`),
          and(
            sql`${attachments.purpose} in ('avis_introduction', 'avis_reponse')`,
            viewer ? avisFileVisibleTo(viewer) : sql`false`,
          ),
          and(eq(attachments.purpose, "message"), viewer ? messageFileVisibleTo(viewer) : sql`false`),
          // A decision's justificatif: whoever sees the dossier; the usager not while the démarche's
          // accusé de lecture hides the decision (not yet acknowledged).
          and(eq(attachments.purpose, "justificatif"), viewer ? justificatifVisibleTo(viewer) : sql`false`),
          and(sql`${attachments.purpose} in ('notice_explicative', 'piece_justificative_template')`, templateVisibleTo(viewer)),
        );
  const [row] = await db
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      checksum: attachments.checksum,
    })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), access))
    .limit(1);
  if (!row) throw new NotFoundError("Attachment");
  return row;
}
