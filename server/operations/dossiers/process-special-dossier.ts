/**
 * What the platform does by itself to a dossier of a declarative or SVA/SVR démarche (reference:
 * `process_declarative!` and `process_sva_svr!`), through the state machine like any decision: the
 * traitement row, the domain event and so the usager's e-mail follow. Called in the transaction of
 * the submission / re-submission, by the stalled-declarative cron and by the daily SVA/SVR job.
 */
import { and, eq, isNull } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale, translate } from "../../../common/i18n";
import type { Tx } from "../../db/client";
import { demarches, dossierCorrections, dossiers, users } from "../../db/schema";
import { refreshSvaSvrDate } from "../../db/sva-svr";
import { type AutomaticEvent, declarativeEvent, svaSvrEvent } from "../../domain/special/rules";
import { parisDay, readSvaSvr } from "../../domain/special/sva-svr";
import { applyTransition } from "./apply-transition";

const SYSTEM = { userId: null, instructeurEmail: null, kind: "system" } as const;

export type ProcessOutcome = AutomaticEvent | null;

/**
 * Locks the dossier, then: declarative → en instruction or accepté (once); SVA/SVR → date
 * recomputed, en instruction when no correction is pending, decided once its day has come.
 * Returns the event fired, if any.
 */
export async function processSpecialDossier(tx: Tx, dossierId: number, now: Date = new Date()): Promise<ProcessOutcome> {
  const [target] = await tx
    .select({ dossier: dossiers, demarche: demarches })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(eq(dossiers.id, dossierId))
    .for("update", { of: dossiers });
  if (!target || target.dossier.forTest) return null;
  const { dossier, demarche } = target;

  const declarative = declarativeEvent({
    declarative: demarche.declarativeWithState,
    state: dossier.state,
    triggered: dossier.declarativeTriggeredAt !== null,
  });
  if (declarative) {
    const result = await applyTransition(tx, target, declarative, SYSTEM, { alsoSet: { declarativeTriggeredAt: true } });
    return result.ok ? declarative : null;
  }

  const config = readSvaSvr(demarche.svaSvr);
  if (config.decision === "disabled") return null;
  const decisionOn = await refreshSvaSvrDate(tx, dossierId, now);
  const [pending] = await tx
    .select({ id: dossierCorrections.id })
    .from(dossierCorrections)
    .where(and(eq(dossierCorrections.dossierId, dossierId), isNull(dossierCorrections.resolvedAt)))
    .limit(1);
  const event = svaSvrEvent({
    decision: config.decision,
    state: dossier.state,
    triggered: dossier.svaSvrDecisionTriggeredAt !== null,
    decisionOn,
    pendingCorrection: pending !== undefined,
    today: parisDay(now),
  });
  if (!event) return null;
  const decided = event !== "passer_automatiquement_en_instruction";
  const result = await applyTransition(tx, target, event, SYSTEM, {
    motivation: event === "refuser_automatiquement" ? await svrMotivation(tx, dossier.userId) : null,
    alsoSet: decided ? { svaSvrDecisionTriggeredAt: true } : {},
  });
  return result.ok ? event : null;
}

/** The reference's fixed motivation of an SVR refusal, in the usager's language. */
async function svrMotivation(tx: Tx, userId: number | null): Promise<string> {
  const [user] = userId === null ? [] : await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  const locale = user && isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  return translate(locale, "dossiers.special.svrMotivation");
}
