/**
 * The pages whose form holds file fields, and who writes them: the usager's brouillon and
 * modification pages (their own form), and the instructeur's dossier page (its annotations
 * privées). The no-JavaScript form posts to the page itself; with JavaScript each file goes to
 * `<page's dossier>/pieces-jointes/:key` (dossier-file-endpoints.ts).
 */
import type { CurrentUser } from "../context";
import type { FileFieldWriter } from "../../operations/attachments/file-field-writer";

export type DossierFormPage =
  | { form: "champs"; dossierId: number }
  | { form: "annotations"; demarcheId: number; dossierId: number };

const ID = "(\\d{1,10})";
/** Also React Router's data requests (`.data`), which an enhanced form posts to. */
const USAGER_FORM = new RegExp(`^/dossiers/${ID}/(?:brouillon|modifier)(?:\\.data)?$`);
const INSTRUCTEUR_DOSSIER = new RegExp(`^/procedures/${ID}/dossiers/${ID}(?:\\.data)?$`);

/** The page a multipart POST to `path` is for, or null (not a dossier form: React Router answers). */
export function dossierFormPageOf(path: string): DossierFormPage | null {
  const usager = USAGER_FORM.exec(path);
  if (usager) return { form: "champs", dossierId: Number(usager[1]) };
  const instructeur = INSTRUCTEUR_DOSSIER.exec(path);
  if (instructeur) return { form: "annotations", demarcheId: Number(instructeur[1]), dossierId: Number(instructeur[2]) };
  return null;
}

/**
 * Who writes on this page: the signed-in user as the usager, or as an instructeur (null without an
 * instructeur profile). Whether the dossier is really theirs is decided by the operations (scopes).
 */
export function fileFieldWriterOf(page: DossierFormPage, user: CurrentUser | null): FileFieldWriter | null {
  if (!user) return null;
  if (page.form === "champs") return { form: "champs", userId: user.id };
  if (user.instructeurId === null) return null;
  return { form: "annotations", userId: user.id, instructeurId: user.instructeurId, demarcheId: page.demarcheId };
}
