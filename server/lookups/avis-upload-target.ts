/**
 * Who may upload an avis file, before any byte is stored: on the instructeur's avis tab an
 * instructeur of the dossier (the request's file); on the expert's avis page the expert it is
 * addressed to (their answer's file, or the file of a request to another expert). NotFoundError
 * otherwise: the page answers 404 as usual.
 */
import type { DbOrTx } from "../db/client";
import { NotFoundError } from "../errors";
import { findExpertAvis } from "./scoped-avis";
import { findInstructeurDossier } from "./scoped-dossier";

export type AvisFormPage = { page: "instructeur"; demarcheId: number; dossierId: number } | { page: "expert"; avisId: number };

export async function findAvisUploadDossier(
  db: DbOrTx,
  user: { instructeurId: number | null; expertId: number | null },
  page: AvisFormPage,
): Promise<number> {
  if (page.page === "instructeur") {
    if (user.instructeurId === null) throw new NotFoundError("Dossier");
    const { dossier } = await findInstructeurDossier(db, user.instructeurId, page.dossierId);
    if (dossier.demarcheId !== page.demarcheId) throw new NotFoundError("Dossier");
    return dossier.id;
  }
  if (user.expertId === null) throw new NotFoundError("Avis");
  const { dossier } = await findExpertAvis(db, user.expertId, page.avisId);
  return dossier.id;
}
