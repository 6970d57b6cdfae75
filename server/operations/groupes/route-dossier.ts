/**
 * Routes a dossier at submission, re-submission or re-routing (ds-behaviour §5.1): the first open
 * groupe whose rule matches its values, else the default groupe (`server/domain/routing`). A dossier
 * an instructeur moved by hand stays in its groupe. At submission only the candidate groupes are read
 * (`loadRoutingCandidates`: the rules the dossier's values can match, looked up by key, the rules that
 * have no key, the default and current groupes), so a démarche routed by 5,000 « field == value »
 * rules costs one indexed read of a few rows, not 5,000 rules.
 */
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import type { ChampDescriptor } from "../../domain/champs/definition";
import type { EventActor } from "../../domain/events/kinds";
import type { ChampKey } from "../../domain/form/keys";
import { allFields } from "../../domain/form/tree";
import { conditionContext } from "../../domain/form/visibility";
import { geoConditionLookups } from "../../domain/geo/condition-codes";
import { dossierRoutingKeys } from "../../domain/routing/routing-keys";
import { type RoutableGroupe, routeDossier } from "../../domain/routing/routing";
import { moveDossierToGroupe } from "./move-dossier";

const ROUTABLE_COLUMNS = {
  id: groupesInstructeurs.id,
  label: groupesInstructeurs.label,
  closed: groupesInstructeurs.closed,
  isDefault: groupesInstructeurs.isDefault,
  routingRule: groupesInstructeurs.routingRule,
};

/** Every groupe with a rule, the default groupe and the current one (re-routing a whole démarche). */
export function loadRoutableGroupes(tx: DbOrTx, demarcheId: number, currentGroupeId: number | null): Promise<RoutableGroupe[]> {
  return tx
    .select(ROUTABLE_COLUMNS)
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

/**
 * The groupes that can receive a dossier whose values give these routing keys
 * (`dossierRoutingKeys`): the rules stored under one of the keys (`*`, every rule without a key,
 * is one of them), the default groupe and the current one. Indexes `groupes_instructeurs_routing_key_idx`
 * and `groupes_instructeurs_default_idx`.
 */
export function loadRoutingCandidates(
  tx: DbOrTx,
  demarcheId: number,
  currentGroupeId: number | null,
  keys: readonly string[],
): Promise<RoutableGroupe[]> {
  return tx
    .select(ROUTABLE_COLUMNS)
    .from(groupesInstructeurs)
    .where(
      and(
        eq(groupesInstructeurs.demarcheId, demarcheId),
        or(
          inArray(groupesInstructeurs.routingKey, [...keys]),
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
  const context = conditionContext(input.tree, input.values, input.hidden, new Set(), "", geoConditionLookups);
  let groupes = input.groupes;
  if (!groupes) {
    const keys = dossierRoutingKeys(
      allFields(input.tree).map((field) => field.stableId),
      context,
    );
    groupes = await loadRoutingCandidates(tx, dossier.demarcheId, dossier.groupeInstructeurId, keys);
    // Without a default groupe the fallback is the first groupe in label order among all: read them all.
    if (!groupes.some((g) => g.isDefault)) {
      groupes = await loadRoutableGroupes(tx, dossier.demarcheId, dossier.groupeInstructeurId);
    }
  }
  const target = routeDossier({
    groupes,
    context,
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
