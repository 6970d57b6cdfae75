/**
 * What the usager's form re-evaluates as fields change: the server's own pure code
 * (`parseDraftValues` → `hiddenKeys`, `isIneligible`). It needs every type's parsing, hence the
 * type modules and zod: `use-live-visibility.ts` imports this module only when the form has
 * conditions, at the usager's first interaction with it (decision 0014).
 */
import type { ChampDescriptor, FormInput } from "../../server/domain/champs/definition";
import { parseDraftValues } from "../../server/domain/champs/validate-dossier";
import { type IneligibilityRules, isIneligible } from "../../server/domain/form/ineligibility";
import { hiddenKeys } from "../../server/domain/form/visibility";

export function evaluateForm(
  descriptors: readonly ChampDescriptor[],
  values: Readonly<Record<string, unknown>>,
  ineligibility: IneligibilityRules | null,
  read: (name: string) => FormInput,
): { hidden: Set<string>; ineligible: boolean } {
  const stored = new Map(Object.entries(values));
  const current = new Map<string, unknown>([...stored, ...parseDraftValues(descriptors, read, stored)]);
  const hidden = hiddenKeys(descriptors, current);
  return { hidden, ineligible: isIneligible(ineligibility, descriptors, current, hidden) };
}
