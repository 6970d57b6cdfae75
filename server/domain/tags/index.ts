/**
 * The tag system of templates (e-mails, attestations): `--libellé--` replaced by a dossier's values.
 * Pure (no I/O). Stable API — helper `pdf` (attestations) builds on it:
 *
 * - Templates: `TAG_TEMPLATE_KINDS` (six e-mails `MAIL_TEMPLATE_KINDS`, two attestations
 *   `ATTESTATION_KINDS`), each with its state and medium in `TAG_TEMPLATES`.
 * - What the démarche is: `TagDemarcheContext` (personne physique/morale, routing, SVA/SVR, the
 *   revision's fields as `loadRevisionChamps` gives them, public then annotations, `private` set).
 * - Tags: `FIXED_TAGS` (a list: add an entry to extend) and the fields' tags (`champTags`);
 *   `demarcheTags` gives all of a démarche, `availableTags(demarche, kind)` those a template may use.
 * - Syntax: `parseTags`, `normalizeTagLibelle`, `tagText` (how to write one).
 * - Checks: `validateTemplateTags(text, demarche, kind)` → `[{ code: "tag_unknown" | "tag_unavailable", tag }]`.
 * - Rendering: `renderTemplateTags(text, demarche, kind, data, { locale, format: "html" | "text" })`,
 *   with `TagDossierData` the dossier's values; `html` escapes values (line breaks → `<br>`).
 * - Field values: `formatChampForTag`, `displayChampValue`; dates: `formatTagDate`.
 * - Previews: `sampleTagDossierData` (a made-up dossier filled with each type's sample).
 */
export { CHAMP_SUB_TAGS, displayChampValue, formatChampForTag, hasTag, type TagChampValues } from "./champ-values";
export { normalizeTagLibelle, parseTags, replaceTags, type TagOccurrence, tagText } from "./parse";
export {
  ATTESTATION_KINDS,
  type AttestationKind,
  availableTags,
  champTags,
  demarcheTags,
  FIXED_TAGS,
  findTag,
  formatTagDate,
  INSTRUCTION_COMMENCEE_STATES,
  isMailTemplateKind,
  isTagAvailable,
  MAIL_TEMPLATE_KINDS,
  type MailTemplateKind,
  TAG_TEMPLATE_KINDS,
  TAG_TEMPLATES,
  type TagCategory,
  type TagDefinition,
  type TagDemarcheContext,
  type TagDossierData,
  type TagMedium,
  type TagTemplateKind,
} from "./registry";
export { SAMPLE_DOSSIER_NUMBER, sampleTagDossierData } from "./sample";
export { escapeTagHtml, type RenderTagsOptions, renderTemplateTags, type TagProblem, validateTemplateTags } from "./render";
