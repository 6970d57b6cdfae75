/**
 * Repetition blocks in the API: `RepetitionChamp.rows` lists the block's rows in order, each with
 * its children's values (ids `Champ-<stable_id>|<row_id>`, base64), and the deprecated `champs`
 * lists every row's children one after the other, as the reference does.
 */
import { champKey } from "../../domain/form/keys";
import { rowIdsOf } from "../../domain/form/tree";
import type { GraphqlContext } from "./context";
import { toGlobalId } from "../ids";
import { type ChampView, champView } from "./champ-view";

interface RowView {
  id: string;
  champs: ChampView[];
}

async function rowsOf(block: ChampView, ctx: GraphqlContext): Promise<RowView[]> {
  const { dossier } = block;
  const [children, values] = await Promise.all([
    ctx.loaders.revisionChildFields.load(dossier.revisionId),
    ctx.loaders.champValues.load(dossier.id),
  ]);
  const fields = children.get(block.stableId) ?? [];
  const rows = rowIdsOf(new Map([[champKey(block.stableId), block.raw]]), block.stableId);
  return rows.map((rowId) => ({
    id: toGlobalId("Row", rowId),
    champs: fields.map((field) => champView(field, values.get(champKey(field.stableId, rowId)), dossier, rowId)),
  }));
}

export const repetitionChampResolvers = {
  RepetitionChamp: {
    rows: (block: ChampView, _args: unknown, ctx: GraphqlContext) => rowsOf(block, ctx),
    champs: async (block: ChampView, _args: unknown, ctx: GraphqlContext) =>
      (await rowsOf(block, ctx)).flatMap((row) => row.champs),
  },
};
