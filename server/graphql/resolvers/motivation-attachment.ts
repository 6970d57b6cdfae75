/** `Dossier.motivationAttachment`: the justificatif of the last decision (server/lookups/decision-justificatif.ts). */
import type { FileRef } from "../../domain/files/file-ref";
import { findDecisionJustificatif } from "../../lookups/decision-justificatif";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

export async function motivationAttachment(d: DossierRow, _args: unknown, ctx: GraphqlContext): Promise<FileRef | null> {
  return findDecisionJustificatif(ctx.db, d);
}
