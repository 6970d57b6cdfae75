/**
 * Authorization as query scopes: what each persona may see is a WHERE clause, applied by every
 * read and write of the operations. Out of scope is indistinguishable from "does not exist" (404).
 */
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { demarcheAdministrateurs, demarches, dossiers, groupeInstructeurMembers, groupesInstructeurs } from "./schema";

/** Démarches an administrateur administers. */
export function demarchesOfAdministrateur(administrateurId: number): SQL {
  return inArray(
    demarches.id,
    sql`(select ${demarcheAdministrateurs.demarcheId} from ${demarcheAdministrateurs} where ${demarcheAdministrateurs.administrateurId} = ${administrateurId})`,
  );
}

/** Dossiers a usager owns. */
export function dossiersOfUsager(userId: number): SQL {
  return eq(dossiers.userId, userId);
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
