/**
 * What an export of a démarche can contain, from its published revision (else its draft): the
 * fields and annotations with a column, the repetition blocks and their sheets, the file fields,
 * the column and zip-item catalogues export templates choose from, and the démarche's tags (zip
 * names). Shared by the generator and the export template pages.
 */
import { eq } from "drizzle-orm";
import type { TFunction } from "../../common/i18n";
import type { DbOrTx } from "../db/client";
import { loadRevisionChamps, type RevisionChamp } from "../db/revisions";
import { demarches, groupesInstructeurs } from "../db/schema";
import { type ExportedField, isExported } from "../domain/exports/cells";
import { repetitionSheetName } from "../domain/exports/sheet-names";
import { type CatalogueColumn, templateColumnCatalogue, zipItemCatalogue } from "../domain/exports/templates";
import { demarcheTags, type TagDefinition } from "../domain/tags";
import { uniqueByLibelle } from "../domain/tags/registry";
import { readSvaSvr, svaSvrEnabled } from "../domain/special/sva-svr";

export interface ExportFields {
  /** Top-level public fields with a column, then annotations. */
  columns: (ExportedField & { private: boolean })[];
  /** Repetition blocks (public, then annotations) with their children that have a column. */
  blocks: { block: RevisionChamp; children: ExportedField[]; sheet: string }[];
  all: RevisionChamp[];
  /** Top-level file fields (public, then annotations). */
  fileFields: RevisionChamp[];
  /** Columns a tabular template may choose. */
  catalogue: CatalogueColumn[];
  /** Items a zip template may include. */
  zipItems: { id: string; libelle: string | null }[];
  tags: TagDefinition[];
  demarche: { id: number; libelle: string; forIndividual: boolean };
}

export async function loadExportFields(
  db: DbOrTx,
  demarcheId: number,
  t: TFunction,
  taken = new Set<string>(),
): Promise<ExportFields> {
  const [demarche] = await db
    .select({
      published: demarches.publishedRevisionId,
      draft: demarches.draftRevisionId,
      libelle: demarches.libelle,
      forIndividual: demarches.forIndividual,
      svaSvr: demarches.svaSvr,
    })
    .from(demarches)
    .where(eq(demarches.id, demarcheId));
  const revisionId = demarche?.published ?? demarche?.draft ?? null;
  const all = revisionId
    ? [...(await loadRevisionChamps(db, revisionId)), ...(await loadRevisionChamps(db, revisionId, { private: true }))]
    : [];
  const columns = all
    .filter((f) => f.parentStableId === null && isExported(f.type))
    .map((f) => ({
      stableId: f.stableId,
      type: f.type,
      libelle: f.private ? t("exports.columns.annotation", { libelle: f.libelle }) : f.libelle,
      options: f.options,
      private: f.private,
    }));
  const blocks = all
    .filter((f) => f.type === "repetition" && f.parentStableId === null)
    .map((block) => ({
      block,
      children: all.filter((c) => c.parentStableId === block.stableId && isExported(c.type)),
      sheet: repetitionSheetName(block.stableId, block.libelle, taken),
    }));
  const fileFields = all.filter(
    (f) => f.parentStableId === null && (f.type === "piece_justificative" || f.type === "titre_identite"),
  );
  const groupes = await db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, demarcheId));
  const tags = uniqueByLibelle(
    demarcheTags({
      forIndividual: demarche?.forIndividual ?? true,
      routingEnabled: groupes.length > 1,
      svaSvr: svaSvrEnabled(readSvaSvr(demarche?.svaSvr)),
      fields: all,
    }),
  );
  return {
    columns,
    blocks,
    all,
    fileFields,
    catalogue: templateColumnCatalogue((c) => t(`exports.columns.${c}`), columns),
    zipItems: zipItemCatalogue(fileFields),
    tags,
    demarche: { id: demarcheId, libelle: demarche?.libelle ?? "", forIndividual: demarche?.forIndividual ?? true },
  };
}
