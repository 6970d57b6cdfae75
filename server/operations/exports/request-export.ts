/**
 * An instructeur asks for an export of their list of a démarche: a format and the list's scope
 * (tab, filters, sort, search), archived dossiers added or not, everything or the last 30 days.
 * The démarche must be one of theirs (NotFoundError otherwise); an unknown format or tab and
 * filters the list would refuse are refused. An identical export of theirs pending or generated
 * less than 5 minutes ago is returned instead of a new one (the reference's rule); otherwise the
 * export row and its `generate-export` job are written in one transaction. With an export template
 * (`modele`, one of the instructeur's groupes' templates, else refused), the format is the template's.
 */
import { and, desc, eq, gt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { demarches, exports } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import { EXPORT_FORMATS, REUSE_WITHIN_MS } from "../../domain/exports/formats";
import { EXPORT_TABS, exportKey, type ExportScope } from "../../domain/exports/scope";
import { parseFilters } from "../../domain/instructeur-list/filters";
import { NotFoundError } from "../../errors";
import { enqueueJob } from "../../jobs/enqueue";
import { findTemplateOfInstructeur } from "../../lookups/export-templates";
import { loadListColumns } from "../../lookups/list-columns";
import { type OperationResult, refuse } from "../../refusal";

export const ZExportRequest = z.object({
  format: z.string(),
  statut: z.string(),
  filtres: z.array(z.string()).max(50).default([]),
  tri: z.string().max(100).default(""),
  ordre: z.string().max(10).default(""),
  q: z.string().max(200).default(""),
  archives: z.boolean().default(false),
  periode: z.string().default("tout"),
  /** An export template's id ("" or absent: none); its kind is the export's format. */
  modele: z.string().max(20).default(""),
});
export type ExportRequest = z.input<typeof ZExportRequest>;

/** Today in France, YYYY-MM-DD (relative date filters). */
function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

export async function requestExport(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  request: ExportRequest,
  locale: Locale,
  now = new Date(),
): Promise<OperationResult<{ exportId: number; reused: boolean }>> {
  const [demarche] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)));
  if (!demarche) throw new NotFoundError("Demarche");
  const parsed = ZExportRequest.safeParse(request);
  if (!parsed.success) return refuse("invalid_scope", "form");
  const input = parsed.data;
  let modele: ExportScope["modele"] = null;
  let templateKind: string | null = null;
  if (input.modele !== "") {
    const templateId = /^\d{1,9}$/.test(input.modele) ? Number(input.modele) : null;
    const template = templateId === null ? null : await findTemplateOfInstructeur(db, instructeurId, demarcheId, templateId);
    if (!template) return refuse("unknown_template", "modele");
    modele = { id: template.id, version: template.updatedAt.toISOString() };
    templateKind = template.kind;
  }
  const format = EXPORT_FORMATS.find((f) => f === (templateKind ?? input.format));
  if (!format) return refuse("unknown_format", "format");
  const statut = input.statut === "" ? "a-suivre" : EXPORT_TABS.find((tab) => tab === input.statut);
  if (!statut) return refuse("unknown_tab", "statut");
  const periode = input.periode === "30j" ? "30j" : input.periode === "tout" || input.periode === "" ? "tout" : null;
  if (!periode) return refuse("invalid_scope", "periode");
  const today = parisToday(now);
  const { available } = await loadListColumns(db, instructeurId, demarcheId);
  if (parseFilters(input.filtres, available, today).refusals.length > 0) return refuse("invalid_scope", "form");
  const scope: ExportScope = {
    statut,
    filtres: input.filtres,
    tri: input.tri,
    ordre: input.ordre,
    q: input.q,
    archives: input.archives,
    periode,
    today,
    modele,
  };
  const key = exportKey(format, scope);
  return db.transaction(async (tx) => {
    // Two identical requests at the same moment: the second waits, then finds the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`export:${instructeurId}:${demarcheId}:${key}`}))`);
    const [recent] = await tx
      .select({ id: exports.id })
      .from(exports)
      .where(
        and(
          eq(exports.instructeurId, instructeurId),
          eq(exports.demarcheId, demarcheId),
          eq(exports.key, key),
          or(
            eq(exports.state, "pending"),
            and(
              eq(exports.state, "generated"),
              gt(exports.createdAt, sql`${new Date(now.getTime() - REUSE_WITHIN_MS).toISOString()}::timestamptz`),
            ),
          ),
        ),
      )
      .orderBy(desc(exports.createdAt))
      .limit(1);
    if (recent) return { ok: true as const, exportId: recent.id, reused: true };
    const [created] = await tx
      .insert(exports)
      .values({ instructeurId, demarcheId, format, scope, key, locale, createdAt: now })
      .returning({ id: exports.id });
    const exportId = (created as { id: number }).id;
    await enqueueJob(tx, "generate-export", { exportId }, { maxAttempts: 1 });
    return { ok: true as const, exportId, reused: false };
  });
}
