/**
 * `Demarche.labels`, `Dossier.labels` and the `Label` type: one batched query per page of dossiers
 * (DataLoaders in `loaders.ts`), through the read models of the instructeur's pages.
 */
import DataLoader from "dataloader";
import type { Db } from "../../db/client";
import { labelColorToApi } from "../../domain/labels/labels";
import { labelsOfDemarche, labelsOfDossiers, type LabelView } from "../../queries/instructeur/labels";
import { toGlobalId } from "../ids";
import type { DemarcheRow, DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

export function createLabelLoaders(db: Db) {
  return {
    demarcheLabels: new DataLoader<number, LabelView[]>(async (ids) => Promise.all(ids.map((id) => labelsOfDemarche(db, id)))),
    dossierLabels: new DataLoader<number, LabelView[]>(async (ids) => {
      const byDossier = await labelsOfDossiers(db, ids);
      return ids.map((id) => byDossier.get(id) ?? []);
    }),
  };
}

export const labelResolvers = {
  Demarche: {
    labels: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) => ctx.loaders.demarcheLabels.load(d.id),
  },
  Dossier: {
    labels: (d: DossierRow, _: unknown, ctx: GraphqlContext) => ctx.loaders.dossierLabels.load(d.id),
  },
  Label: {
    id: (l: LabelView) => toGlobalId("Label", l.id),
    color: (l: LabelView) => labelColorToApi(l.color),
  },
};
