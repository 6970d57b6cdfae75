/**
 * Labels of a démarche (the reference's `Label`): a name of at most 30 characters and one of the
 * ten DSFR colours the API's `LabelColorEnum` lists, in the reference's display order. Pure rules,
 * shared by the administrateur's page, the operations and the API.
 */
import { z } from "zod";

/** The reference's colours, in its order (`Label.colors`); the API writes them with underscores. */
export const LABEL_COLORS = [
  "green-tilleul-verveine",
  "green-bourgeon",
  "green-emeraude",
  "green-menthe",
  "blue-ecume",
  "purple-glycine",
  "pink-macaron",
  "yellow-tournesol",
  "brown-cafe-creme",
  "beige-gris-galet",
] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const LABEL_NAME_MAX_LENGTH = 30;
/** A démarche keeps its labels few enough to show them all on a dossier. */
export const MAX_LABELS_PER_DEMARCHE = 50;

/** The five labels offered when a démarche has none yet (the reference's generic labels). */
export const GENERIC_LABELS: ReadonlyArray<{ key: GenericLabelKey; color: LabelColor }> = [
  { key: "aExaminer", color: "purple-glycine" },
  { key: "aRelancer", color: "green-tilleul-verveine" },
  { key: "complet", color: "green-bourgeon" },
  { key: "aSigner", color: "blue-ecume" },
  { key: "urgent", color: "pink-macaron" },
];
export type GenericLabelKey = "aExaminer" | "aRelancer" | "complet" | "aSigner" | "urgent";

export function isLabelColor(value: unknown): value is LabelColor {
  return typeof value === "string" && (LABEL_COLORS as readonly string[]).includes(value);
}

/** `green-tilleul-verveine` ↔ `green_tilleul_verveine` (GraphQL enum values). */
export function labelColorToApi(color: LabelColor): string {
  return color.replace(/-/g, "_");
}

export const ZLabelInput = z.object({
  name: z
    .string()
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, { message: "name_required" }).max(LABEL_NAME_MAX_LENGTH, { message: "name_too_long" })),
  color: z.string().refine(isLabelColor, { message: "color_invalid" }),
});
export type TLabelInput = { name: string; color: LabelColor };

export type LabelRefusalCode = "name_required" | "name_too_long" | "color_invalid" | "name_taken" | "too_many";

/** Checks a label's name and colour: the refusal codes by field, or the clean values. */
export function checkLabelInput(
  input: { name: unknown; color: unknown },
  otherNames: readonly string[],
): { ok: true; value: TLabelInput } | { ok: false; issues: Array<{ field: "name" | "color"; code: LabelRefusalCode }> } {
  const parsed = ZLabelInput.safeParse({
    name: typeof input.name === "string" ? input.name : "",
    color: typeof input.color === "string" ? input.color : "",
  });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path[0] === "color" ? "color" : "name",
        code: (issue.message as LabelRefusalCode) ?? "name_required",
      })),
    };
  }
  const name = parsed.data.name;
  if (otherNames.some((other) => other.localeCompare(name, "fr", { sensitivity: "base" }) === 0)) {
    return { ok: false, issues: [{ field: "name", code: "name_taken" }] };
  }
  return { ok: true, value: { name, color: parsed.data.color as LabelColor } };
}
