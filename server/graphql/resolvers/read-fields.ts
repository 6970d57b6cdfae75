/**
 * Read fields of the reference with no other home: `Demarche.administrateurs` (their profiles, by
 * e-mail), `Dossier.prefilled` (started from a prefill link or the prefill API) and
 * `Traitement.revision` (the form version the dossier was on when the change was recorded).
 */
import { asc, eq } from "drizzle-orm";
import { administrateurs, demarcheAdministrateurs, type traitements, users } from "../../db/schema";
import { toGlobalId } from "../ids";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

type TraitementRow = typeof traitements.$inferSelect;

export const readFieldResolvers = {
  Demarche: {
    async administrateurs(d: { id: number }, _: unknown, ctx: GraphqlContext) {
      const rows = await ctx.db
        .select({ id: administrateurs.id, email: users.email })
        .from(demarcheAdministrateurs)
        .innerJoin(administrateurs, eq(administrateurs.id, demarcheAdministrateurs.administrateurId))
        .innerJoin(users, eq(users.id, administrateurs.userId))
        .where(eq(demarcheAdministrateurs.demarcheId, d.id))
        .orderBy(asc(users.email));
      return rows.map((row) => ({ id: toGlobalId("Administrateur", row.id), email: row.email }));
    },
  },
  Dossier: {
    prefilled: (d: DossierRow) => d.prefilled,
  },
  Traitement: {
    revision: (t: TraitementRow, _: unknown, ctx: GraphqlContext) =>
      t.revisionId === null ? null : ctx.loaders.revision.load(t.revisionId),
  },
};
