/**
 * What a clone copies (the reference's `procedure_clone_concern.rb` options, those Guichet has):
 * everything by default; cloning another administrateur's démarche never takes their private
 * parts (administrateurs, instructeurs and groupes, experts; the service when it exists): the clone
 * is administered by the cloner alone, with one default groupe of which they are the instructeur, as
 * the reference. The form, annotations, ineligibility rules and labels are structure, copied. Pure.
 */
import { z } from "zod";

export const CLONE_OPTIONS = [
  "administrateurs",
  "instructeurs",
  "champs",
  "annotations",
  "ineligibilite",
  "labels",
  "experts",
] as const;
export type CloneOption = (typeof CLONE_OPTIONS)[number];
export type CloneOptions = Record<CloneOption, boolean>;

/** Parts that belong to the source's administration: never copied for someone else. */
export const PRIVATE_CLONE_OPTIONS: readonly CloneOption[] = ["administrateurs", "instructeurs", "experts"];

export const LIBELLE_MAX = 200;
export const ZCloneLibelle = z
  .string()
  .trim()
  .min(1, { message: "libelle_required" })
  .max(LIBELLE_MAX, { message: "libelle_too_long" });

export function defaultCloneOptions(): CloneOptions {
  return Object.fromEntries(CLONE_OPTIONS.map((o) => [o, true])) as CloneOptions;
}

/**
 * The options that apply: those asked (missing ones default to true, as the reference), without
 * the private parts when the cloner does not administer the source. Annotations and the
 * ineligibility rules refer to fields: without the form they go too.
 */
export function effectiveCloneOptions(asked: Partial<CloneOptions> | undefined, ownSource: boolean): CloneOptions {
  const options = { ...defaultCloneOptions(), ...(asked ?? {}) };
  if (!ownSource) for (const o of PRIVATE_CLONE_OPTIONS) options[o] = false;
  if (!options.champs) options.ineligibilite = false;
  return options;
}

/** The clone's title: the one given, else the reference's « <libellé> (copie) » trimmed to the limit. */
export function cloneLibelle(sourceLibelle: string, title: string | null | undefined): string {
  const given = title?.trim();
  if (given) return given.slice(0, LIBELLE_MAX);
  const suffix = " (copie)";
  return `${sourceLibelle.slice(0, LIBELLE_MAX - suffix.length)}${suffix}`;
}

/** The reference caps the clone's retention at 12 months. */
export function cloneDureeConservation(months: number): number {
  return Math.min(months, 12);
}
