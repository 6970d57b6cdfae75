/**
 * Read fields of the reference with no other home: `Demarche.administrateurs` (their profiles, by
 * e-mail), `Dossier.prefilled` (started from a prefill link or the prefill API) and
 * `Traitement.revision` (the form version the dossier was on when the change was recorded),
 * `Dossier.connectionUsager` (how the owner signs in: `deleted` once the account is gone,
 * `france_connect` when a FranceConnect identity is linked to it, `password` otherwise, as the
 * reference), and the fields of features we do not have, with the reference's empty value:
 * `Dossier.geojson` (no map field type: no map data), `PersonnePhysique.dateDeNaissance` (no
 * démarche asks for a birth date), `Demarche.chorusConfiguration` (none kept: every reference null)
 * and `DemarcheDescriptor.tags` / `zones` (none kept: empty); `DemarcheDescriptor.demarcheURL` is
 * the démarche's /commencer page.
 */
import DataLoader from "dataloader";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { administrateurs, demarcheAdministrateurs, franceConnectInformations, type traitements, users } from "../../db/schema";
import { toGlobalId } from "../ids";
import type { DemarcheRow, DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

type TraitementRow = typeof traitements.$inferSelect;

/** The démarche's /commencer page, absolute; null before it has a path. */
function startUrl(demarche: DemarcheRow, ctx: GraphqlContext): string | null {
  if (!demarche.path || !ctx.fileLinks) return null;
  return `${ctx.fileLinks.appUrl}/commencer/${encodeURIComponent(demarche.path)}`;
}

/** One loader per request (keyed by the request's loaders): the accounts with a FranceConnect identity, in one query. */
const franceConnectedLoaders = new WeakMap<object, DataLoader<number, boolean>>();

function isFranceConnected(ctx: GraphqlContext, userId: number): Promise<boolean> {
  let loader = franceConnectedLoaders.get(ctx.loaders);
  if (!loader) {
    const db: Db = ctx.db;
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await db
        .select({ userId: franceConnectInformations.userId })
        .from(franceConnectInformations)
        .where(inArray(franceConnectInformations.userId, [...ids]));
      const linked = new Set(rows.map((row) => row.userId));
      return ids.map((id) => linked.has(id));
    });
    franceConnectedLoaders.set(ctx.loaders, loader);
  }
  return loader.load(userId);
}

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
    // No Chorus configuration is kept: the reference's unconfigured one, every reference empty.
    chorusConfiguration: () => ({ centreDeCout: null, domaineFonctionnel: null, referentielDeProgrammation: null }),
  },
  DemarcheDescriptor: {
    demarcheURL: ({ demarche }: { demarche: DemarcheRow }, _: unknown, ctx: GraphqlContext) => startUrl(demarche, ctx),
    demarcheUrl: ({ demarche }: { demarche: DemarcheRow }, _: unknown, ctx: GraphqlContext) => startUrl(demarche, ctx),
    tags: () => [],
    zones: () => [],
  },
  Dossier: {
    prefilled: (d: DossierRow) => d.prefilled,
    async connectionUsager(d: DossierRow, _: unknown, ctx: GraphqlContext) {
      if (d.userId === null) return "deleted";
      return (await isFranceConnected(ctx, d.userId)) ? "france_connect" : "password";
    },
    geojson: () => null,
  },
  PersonnePhysique: {
    dateDeNaissance: () => null,
  },
  Traitement: {
    revision: (t: TraitementRow, _: unknown, ctx: GraphqlContext) =>
      t.revisionId === null ? null : ctx.loaders.revision.load(t.revisionId),
  },
};
