/**
 * The one place where a dossier changes state: plans the transition with the pure state machine,
 * writes the new state only if nobody changed it meanwhile, records the traitement (who, when, from,
 * to, motivation) and enqueues the usager's e-mail — all in the caller's transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import {
  planTransition,
  type DossierEvent,
  type TraitementEvent,
  type TransitionErrorCode,
} from "../../domain/dossier/transitions";
import type { DossierState } from "../../domain/dossier/states";
import type { Tx } from "../../db/client";
import { dossiers, traitements, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import type { DossierMailName } from "../../mail/templates/dossier-mails";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { quotedLibelles } from "../../domain/form/libelles";

export type TransitionResult =
  | { ok: true; to: DossierState }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string | number> };

/** The e-mail the usager receives for each recorded event (none when going back to construction). */
const MAIL_BY_EVENT: Partial<Record<TraitementEvent, DossierMailName>> = {
  depose: "dossier_depose",
  passe_en_instruction: "dossier_passe_en_instruction",
  accepte: "dossier_accepte",
  refuse: "dossier_refuse",
  classe_sans_suite: "dossier_classe_sans_suite",
  repasse_en_instruction: "dossier_repasse_en_instruction",
};

export interface TransitionActor {
  userId: number | null;
  /** Set when an instructeur acts (shown in the history and the API's emailAgentTraitant). */
  instructeurEmail: string | null;
}

export async function applyTransition(
  tx: Tx,
  target: { dossier: typeof dossiers.$inferSelect; demarche: { libelle: string; state: string } },
  event: DossierEvent,
  actor: TransitionActor,
  input: { motivation?: string | null; ineligible?: boolean; incompleteAnnotations?: readonly string[] } = {},
): Promise<TransitionResult> {
  const { dossier, demarche } = target;
  const incompleteAnnotations = input.incompleteAnnotations ?? [];
  const plan = planTransition({
    state: dossier.state,
    event,
    motivation: input.motivation,
    ineligible: input.ineligible ?? false,
    procedureAcceptsSubmission: demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon"),
    annotationsIncomplete: incompleteAnnotations.length > 0,
  });
  if (!plan.ok && plan.error === "annotations_incompletes") {
    return { ok: false, error: plan.error, params: { champs: quotedLibelles(incompleteAnnotations) } };
  }
  if (!plan.ok) return { ok: false, error: plan.error, params: plan.params };

  const now = sql`now()`;
  const changes: Partial<Record<keyof typeof dossiers.$inferInsert, unknown>> = { state: plan.to, updatedAt: now };
  if (plan.to === "en_construction") {
    changes.enConstructionAt = now;
    if (plan.from === "brouillon") changes.deposeAt = now;
  } else if (plan.to === "en_instruction") {
    changes.enInstructionAt = now;
    changes.processedAt = null;
    changes.motivation = null;
  } else {
    changes.processedAt = now;
    changes.motivation = plan.motivation;
  }
  const updated = await tx
    .update(dossiers)
    .set(changes as typeof dossiers.$inferInsert)
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.state, plan.from)))
    .returning({ id: dossiers.id });
  // Someone else changed the state first: refuse rather than overwrite their decision.
  if (updated.length === 0) return { ok: false, error: "invalid_transition" };

  await tx.insert(traitements).values({
    dossierId: dossier.id,
    event: plan.traitementEvent,
    fromState: plan.from,
    state: plan.to,
    motivation: plan.motivation,
    instructeurEmail: actor.instructeurEmail,
    actorUserId: actor.userId,
    revisionId: dossier.revisionId,
  });

  const template = MAIL_BY_EVENT[plan.traitementEvent];
  if (template && dossier.userId && !dossier.forTest) {
    const [usager] = await tx
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, dossier.userId));
    if (usager) {
      await enqueueMail(
        tx,
        usager.email,
        template,
        { dossierNumber: dossier.id, demarcheLibelle: demarche.libelle, motivation: plan.motivation },
        isLocale(usager.locale) ? usager.locale : DEFAULT_LOCALE,
      );
    }
  }
  return { ok: true, to: plan.to };
}
