/**
 * /admin/procedures/:id/annotations: the annotations privées, the instructeurs' own form on each
 * dossier. The same editor module as the usager's form (champs.tsx), which reads from the URL
 * which list it edits.
 */
export { action, default, handle, loader } from "./champs";
