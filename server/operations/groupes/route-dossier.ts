/**
 * Routes a dossier at submission, re-submission or re-routing (ds-behaviour §5.1): the first open
 * groupe whose rule matches its values, else the default groupe (`server/domain/routing`). A dossier
 * an instructeur moved by hand stays in its groupe. Only groupes with a rule, the default groupe and
 * the current one are read: a démarche with thousands of groupes costs one indexed read.
 */
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import type { ChampDescriptor } from "../../domain/champs/definition";
import type { EventActor } from "../../domain/events/kinds";
import type { ChampKey } from "../../domain/form/keys";
import { conditionContext } from "../../domain/form/visibility";
import { geoConditionLookups } from "../../domain/geo/condition-codes";
import { type RoutableGroupe, routeDossier } from "../../domain/routing/routing";
import { moveDossierToGroupe } from "./move-dossier";

export function loadRoutableGroupes(tx: Tx, demarcheId: number, currentGroupeId: number | null): Promise<RoutableGroupe[]> {
  return tx
    .select({
      id: groupesInstructeurs.id,
      label: groupesInstructeurs.label,
      closed: groupesInstructeurs.closed,
      isDefault: groupesInstructeurs.isDefault,
      routingRule: groupesInstructeurs.routingRule,
    })
    .from(groupesInstructeurs)
    .where(
      and(
        eq(groupesInstructeurs.demarcheId, demarcheId),
        or(
          isNotNull(groupesInstructeurs.routingRule),
          eq(groupesInstructeurs.isDefault, true),
          currentGroupeId === null ? undefined : eq(groupesInstructeurs.id, currentGroupeId),
        ),
      ),
    );
}

export interface RouteInput {
  dossier: { id: number; demarcheId: number; groupeInstructeurId: number | null; groupeForced: boolean };
  tree: readonly ChampDescriptor[];
  values: ReadonlyMap<ChampKey, unknown>;
  hidden: ReadonlySet<ChampKey>;
  mode: "auto" | "bulk";
  actor: EventActor;
  actorUserId: number | null;
  /** Already loaded groupes (re-routing many dossiers); read otherwise. */
  groupes?: readonly RoutableGroupe[];
}

/** Moves the dossier when its groupe changes; returns the groupe it is in afterwards. */
export async function routeDossierInTransaction(tx: Tx, input: RouteInput): Promise<number | null> {
  const { dossier } = input;
  const groupes = input.groupes ?? (await loadRoutableGroupes(tx, dossier.demarcheId, dossier.groupeInstructeurId));
  const target = routeDossier({
    groupes,
    context: conditionContext(input.tree, input.values, input.hidden, new Set(), "", geoConditionLookups),
    current: { groupeId: dossier.groupeInstructeurId, forced: dossier.groupeForced },
  });
  if (target === null || target === dossier.groupeInstructeurId) return dossier.groupeInstructeurId;
  const to = groupes.find((g) => g.id === target);
  if (!to) return dossier.groupeInstructeurId;
  let from = groupes.find((g) => g.id === dossier.groupeInstructeurId) ?? null;
  if (!from && dossier.groupeInstructeurId !== null) {
    const [row] = await tx
      .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.id, dossier.groupeInstructeurId));
    from = row ? { ...row, closed: false, isDefault: false, routingRule: null } : null;
  }
  await moveDossierToGroupe(tx, {
    dossier,
    from: from ? { id: from.id, label: from.label } : null,
    to: { id: to.id, label: to.label },
    mode: input.mode,
    forced: false,
    actor: input.actor,
    actorUserId: input.actorUserId,
  });
  return to.id;
}
