/**
 * What an export contains, as asked from the instructeur list: the tab, its filters (the list's URL
 * parameters), sort, search, whether archived dossiers are added, and the period (everything or the
 * last 30 days by date de dépôt). Stored as jsonb on the export; its canonical JSON, with the
 * format, is hashed into the key that finds an identical recent export.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ExportFormat } from "./formats";

export const EXPORT_TABS = ["a-suivre", "suivis", "traites", "tous", "expirants", "archives", "supprimes"] as const;

export const ZExportScope = z.object({
  statut: z.enum(EXPORT_TABS),
  filtres: z.array(z.string().max(4100)).max(50),
  tri: z.string().max(100),
  ordre: z.string().max(10),
  q: z.string().max(200),
  archives: z.boolean(),
  periode: z.enum(["tout", "30j"]),
  /** The day relative date filters (« this week ») were read against, YYYY-MM-DD (Paris). */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The export template used (its version: an edited template makes a new export). */
  modele: z.object({ id: z.number().int(), version: z.string() }).nullable().optional(),
});
export type ExportScope = z.infer<typeof ZExportScope>;

/** Same format and same scope (whatever the day relative filters were read on, when there is none) → same key. */
export function exportKey(format: ExportFormat, scope: ExportScope): string {
  const relative = scope.filtres.some((f) => /:(this_week|this_month|this_year)/.test(f));
  const canonical = JSON.stringify([
    format,
    scope.statut,
    scope.filtres,
    scope.tri,
    scope.ordre,
    scope.q.trim(),
    scope.archives,
    scope.periode,
    relative ? scope.today : null,
    ...(scope.modele ? [scope.modele.id, scope.modele.version] : []),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
