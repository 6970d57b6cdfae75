/**
 * The démarche's special procedures (administrateur): declarative (submitted dossiers go en
 * instruction or are accepted at once), silence vaut accord / rejet (decision, period, unit, what a
 * resolved correction does to the delay) and the accusé de lecture. Reference: `declarative_with_state`,
 * `sva_svr` (`SvaSvrConfiguration`, immutable once published with SVA/SVR) and `accuse_lecture`.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import {
  DECLARATIVE_STATES,
  readSvaSvr,
  SVA_SVR_DECISIONS,
  SVA_SVR_MAX_PERIOD,
  SVA_SVR_RESUMES,
  SVA_SVR_UNITS,
  type SvaSvrConfiguration,
  svaSvrConfigError,
  svaSvrEnabled,
} from "../../domain/special/sva-svr";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, type Refusal, refuse } from "../../refusal";

/** The form's fields, as submitted (strings); each refusal names one of them. */
export const ZSpecialProceduresInput = z.object({
  declarative: z.enum(["none", ...DECLARATIVE_STATES]),
  svaSvrDecision: z.enum(SVA_SVR_DECISIONS),
  svaSvrPeriod: z.string().max(20),
  svaSvrUnit: z.enum(SVA_SVR_UNITS),
  svaSvrResume: z.enum(SVA_SVR_RESUMES),
  accuseLecture: z.boolean(),
});
export type SpecialProceduresInput = z.input<typeof ZSpecialProceduresInput>;

/**
 * Refusals: `invalid` on the field whose value is not one of the choices, `period_not_positive` /
 * `period_not_integer` / `period_too_long` (param `max`) on `svaSvrPeriod`,
 * `incompatible_with_declarative` on `svaSvrDecision`, `sva_svr_locked` on `svaSvrDecision` when a
 * published SVA/SVR démarche would change its rule. Nothing changes when refused.
 */
export async function updateSpecialProcedures(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  raw: unknown,
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const parsed = ZSpecialProceduresInput.safeParse(raw);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "form")))];
      return { ok: false, refusals: fields.map((field): Refusal => ({ code: "invalid", field })) };
    }
    const input = parsed.data;
    const periodText = input.svaSvrPeriod.trim();
    const enabled = input.svaSvrDecision !== "disabled";
    const previous = readSvaSvr(demarche.svaSvr);
    const period = periodText === "" ? previous.period : Number(periodText);
    if (enabled && !/^-?\d+$/.test(periodText)) return refuse("period_not_integer", "svaSvrPeriod");
    const config: SvaSvrConfiguration = enabled
      ? { decision: input.svaSvrDecision, period, unit: input.svaSvrUnit, resume: input.svaSvrResume }
      : { ...previous, decision: "disabled" };
    const declarative = input.declarative === "none" ? null : input.declarative;
    const error = svaSvrConfigError(config, declarative);
    if (error === "period_too_long") return refuse(error, "svaSvrPeriod", { max: SVA_SVR_MAX_PERIOD[config.unit] });
    if (error === "period_not_positive") return refuse(error, "svaSvrPeriod");
    if (error) return refuse(error, "svaSvrDecision");
    // Usagers were told the rule of their dossiers: a published SVA/SVR démarche keeps it.
    const changed = JSON.stringify(config) !== JSON.stringify(previous);
    if (demarche.publishedAt !== null && svaSvrEnabled(previous) && changed) {
      return refuse("sva_svr_locked", "svaSvrDecision");
    }
    await tx
      .update(demarches)
      .set({ declarativeWithState: declarative, svaSvr: config, accuseLecture: input.accuseLecture, updatedAt: sql`now()` })
      .where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.procedures_speciales_modifiees",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { declarative, svaSvr: config.decision, accuseLecture: input.accuseLecture },
    });
    return { ok: true };
  });
}
