import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { attachments, demarches, dossiers } from "../db/schema";
import { dossiersOfUsagerOrInvitee } from "../db/scopes";
import { DEMARCHE_FILE_PURPOSE, type DemarcheFileKind } from "../domain/demarches/presentation-files";

export interface DemarcheFile {
  id: string;
  storageKey: string;
  filename: string;
  contentType: string;
  byteSize: number;
  checksum: string;
  createdAt: Date;
}

const KIND_OF_PURPOSE = Object.fromEntries(Object.entries(DEMARCHE_FILE_PURPOSE).map(([k, p]) => [p, k])) as Record<
  string,
  DemarcheFileKind
>;

/**
 * The démarche's presentation files (logo, notice, délibération), by kind; a kind without file is
 * absent. Callers have authorised the démarche (or serve public files of a public démarche).
 */
export async function demarcheFilesOf(db: DbOrTx, demarcheId: number): Promise<Partial<Record<DemarcheFileKind, DemarcheFile>>> {
  const rows = await db
    .select({
      id: attachments.id,
      purpose: attachments.purpose,
      storageKey: attachments.storageKey,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      checksum: attachments.checksum,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.demarcheId, demarcheId), inArray(attachments.purpose, Object.values(DEMARCHE_FILE_PURPOSE))));
  const files: Partial<Record<DemarcheFileKind, DemarcheFile>> = {};
  for (const { purpose, ...file } of rows) {
    const kind = KIND_OF_PURPOSE[purpose];
    if (kind) files[kind] = file;
  }
  return files;
}

export interface DemarcheLogo {
  demarcheId: number;
  demarcheLibelle: string;
  /** Public address of the logo (`/demarches/<id>/logo`), versioned by its checksum for caching. */
  url: string;
}

/** Public address of a démarche's logo, changing with its content (the route caches it five minutes). */
export function demarcheLogoUrl(demarcheId: number, logo: Pick<DemarcheFile, "checksum">): string {
  return `/demarches/${demarcheId}/logo?v=${encodeURIComponent(logo.checksum.slice(0, 12))}`;
}

/**
 * The logo of a dossier's démarche, shown on the usager's dossier pages: null when the démarche has
 * none, or when the dossier is neither the user's nor shared with them.
 */
export async function logoForUsagerDossier(db: DbOrTx, userId: number, dossierId: number): Promise<DemarcheLogo | null> {
  if (!Number.isSafeInteger(dossierId) || dossierId <= 0 || dossierId > 2_147_483_647) return null;
  const [row] = await db
    .select({ demarcheId: demarches.id, demarcheLibelle: demarches.libelle, checksum: attachments.checksum })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .innerJoin(attachments, and(eq(attachments.demarcheId, demarches.id), eq(attachments.purpose, DEMARCHE_FILE_PURPOSE.logo)))
    .where(and(eq(dossiers.id, dossierId), dossiersOfUsagerOrInvitee(userId)))
    .limit(1);
  if (!row) return null;
  return { demarcheId: row.demarcheId, demarcheLibelle: row.demarcheLibelle, url: demarcheLogoUrl(row.demarcheId, row) };
}
