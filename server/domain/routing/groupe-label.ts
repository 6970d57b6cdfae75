/** A groupe instructeur's label: trimmed, spaces collapsed, 1 to 200 characters. */
export const GROUPE_LABEL_MAX = 200;

export function normalizeGroupeLabel(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

export function groupeLabelProblem(label: string): "label_required" | "label_too_long" | null {
  if (label === "") return "label_required";
  if (label.length > GROUPE_LABEL_MAX) return "label_too_long";
  return null;
}
