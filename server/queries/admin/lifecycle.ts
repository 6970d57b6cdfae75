/**
 * What the lifecycle, clone and catalogue pages read. The administrateur's own démarches are scoped
 * with `demarchesOfAdministrateur`; the catalogue reads the platform's published and closed
 * démarches (public information, as the reference's « toutes les démarches »).
 */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import { CATALOGUE_PAGE_SIZE, CATALOGUE_STATES } from "../../domain/demarches/lifecycle";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/** The démarche's lifecycle facts for its « Clore / dépublier / supprimer » page. */
export async function getLifecycle(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const [row] = await db
    .select({ n: count() })
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.state, "en_instruction"), eq(dossiers.forTest, false)));
  const replacements = await db
    .select({ id: demarches.id, libelle: demarches.libelle })
    .from(demarches)
    .where(
      and(
        demarchesOfAdministrateur(administrateurId),
        eq(demarches.state, "publiee"),
        isNull(demarches.hiddenAt),
        ne(demarches.id, demarcheId),
      ),
    )
    .orderBy(desc(demarches.id));
  return { demarche, dossiersEnInstruction: row?.n ?? 0, replacements };
}

/** The administrateur's corbeille: their démarches discarded, newest first. */
export async function listCorbeille(db: DbOrTx, administrateurId: number) {
  return db
    .select({ id: demarches.id, libelle: demarches.libelle, state: demarches.state, hiddenAt: demarches.hiddenAt })
    .from(demarches)
    .where(and(demarchesOfAdministrateur(administrateurId), isNotNull(demarches.hiddenAt)))
    .orderBy(desc(demarches.hiddenAt));
}

export interface CatalogueFilters {
  q: string;
  state: (typeof CATALOGUE_STATES)[number] | null;
  /** The administration: the e-mail domain of the démarche's administrateurs (no service card yet). */
  administration: string | null;
  page: number;
}

/** Domain part of the administrateurs' e-mails of a démarche, the first one alphabetically. */
const administrationOf = sql<string>`(select min(split_part(u.email, '@', 2)) from demarche_administrateurs da join administrateurs a on a.id = da.administrateur_id join users u on u.id = a.user_id where da.demarche_id = "demarches"."id")`;

/** « Toutes les démarches »: published and closed démarches of the platform, filtered, one page. */
export async function listCatalogue(db: DbOrTx, filters: CatalogueFilters) {
  const conditions: SQL[] = [
    isNull(demarches.hiddenAt),
    inArray(demarches.state, filters.state ? [filters.state] : [...CATALOGUE_STATES]),
  ];
  if (filters.q) {
    const escaped = filters.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const byNumber = /^\d{1,9}$/.test(filters.q) ? sql` or ${demarches.id} = ${Number(filters.q)}` : sql``;
    conditions.push(sql`(${ilike(demarches.libelle, `%${escaped}%`)}${byNumber})`);
  }
  if (filters.administration) conditions.push(sql`${administrationOf} = ${filters.administration}`);
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(demarches).where(where);
  const rows = await db
    .select({
      id: demarches.id,
      libelle: demarches.libelle,
      state: demarches.state,
      publishedAt: demarches.publishedAt,
      closedAt: demarches.closedAt,
      path: demarches.path,
      administration: administrationOf,
    })
    .from(demarches)
    .where(where)
    .orderBy(desc(demarches.publishedAt), desc(demarches.id))
    .limit(CATALOGUE_PAGE_SIZE)
    .offset((filters.page - 1) * CATALOGUE_PAGE_SIZE);
  const administrations = await db
    .selectDistinct({ value: administrationOf })
    .from(demarches)
    .where(and(isNull(demarches.hiddenAt), inArray(demarches.state, [...CATALOGUE_STATES])))
    .orderBy(asc(administrationOf));
  return {
    total: total?.n ?? 0,
    rows,
    administrations: administrations.map((a) => a.value).filter((v): v is string => Boolean(v)),
  };
}
