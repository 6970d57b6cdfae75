/**
 * Authorization as query scopes: what each persona may see is a WHERE clause, applied by every
 * read and write of the operations. Out of scope is indistinguishable from "does not exist" (404).
 */
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  avis,
  demarcheAdministrateurs,
  demarches,
  dossierInvites,
  dossiers,
  expertsProcedures,
  groupeInstructeurMembers,
  groupesInstructeurs,
  users,
} from "./schema";

/** Démarches an administrateur administers. */
export function demarchesOfAdministrateur(administrateurId: number): SQL {
  return inArray(
    demarches.id,
    sql`(select ${demarcheAdministrateurs.demarcheId} from ${demarcheAdministrateurs} where ${demarcheAdministrateurs.administrateurId} = ${administrateurId})`,
  );
}

/**
 * Dossiers a usager owns: the owner-only actions (submit, identity, transfer, invitations, delete,
 * accusé de lecture) and the default, so that a new action is never opened to co-editors by mistake.
 */
export function dossiersOfUsager(userId: number): SQL {
  return eq(dossiers.userId, userId);
}

/** Dossiers shared with a usager: invited by their owner at the e-mail this account signs in with. */
export function dossiersInvitingUsager(userId: number): SQL {
  return inArray(
    dossiers.id,
    sql`(select ${dossierInvites.dossierId} from ${dossierInvites} join ${users} on ${users.email} = ${dossierInvites.email} where ${users.id} = ${userId})`,
  );
}

/** Dossiers a usager owns or co-edits: view, edit the form, messagerie (the reference's owner-or-invite actions). */
export function dossiersOfUsagerOrInvitee(userId: number): SQL {
  return or(dossiersOfUsager(userId), dossiersInvitingUsager(userId)) as SQL;
}

/** Groupes instructeurs an instructeur belongs to. */
export function groupesOfInstructeur(instructeurId: number): SQL {
  return inArray(
    groupesInstructeurs.id,
    sql`(select ${groupeInstructeurMembers.groupeInstructeurId} from ${groupeInstructeurMembers} where ${groupeInstructeurMembers.instructeurId} = ${instructeurId})`,
  );
}

/**
 * Dossiers an instructeur may see: submitted (never brouillons), real (not test dossiers), and
 * routed to one of their groupes.
 */
export function dossiersVisibleToInstructeur(instructeurId: number): SQL {
  return and(
    ne(dossiers.state, "brouillon"),
    eq(dossiers.forTest, false),
    inArray(
      dossiers.groupeInstructeurId,
      sql`(select ${groupeInstructeurMembers.groupeInstructeurId} from ${groupeInstructeurMembers} where ${groupeInstructeurMembers.instructeurId} = ${instructeurId})`,
    ),
  ) as SQL;
}

/** Démarches on which an instructeur is assigned (through at least one groupe). */
export function demarchesOfInstructeur(instructeurId: number): SQL {
  return inArray(
    demarches.id,
    sql`(select ${groupesInstructeurs.demarcheId} from ${groupesInstructeurs} join ${groupeInstructeurMembers} on ${groupeInstructeurMembers.groupeInstructeurId} = ${groupesInstructeurs.id} where ${groupeInstructeurMembers.instructeurId} = ${instructeurId})`,
  );
}

/** Avis addressed to an expert and not revoked: all an expert may see (through the avis). */
export function avisOfExpert(expertId: number): SQL {
  return and(
    isNull(avis.revokedAt),
    inArray(
      avis.expertsProcedureId,
      sql`(select ${expertsProcedures.id} from ${expertsProcedures} where ${expertsProcedures.expertId} = ${expertId})`,
    ),
  ) as SQL;
}

/** Dossiers an expert may read: submitted, real, with a non-revoked avis addressed to them. */
export function dossiersVisibleToExpert(expertId: number): SQL {
  return and(
    ne(dossiers.state, "brouillon"),
    eq(dossiers.forTest, false),
    inArray(
      dossiers.id,
      sql`(select ${avis.dossierId} from ${avis} join ${expertsProcedures} on ${expertsProcedures.id} = ${avis.expertsProcedureId} where ${expertsProcedures.expertId} = ${expertId} and ${avis.revokedAt} is null)`,
    ),
  ) as SQL;
}
