import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { attachments } from "../db/schema";
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
