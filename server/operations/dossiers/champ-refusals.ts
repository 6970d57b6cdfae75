/**
 * Field validation issues as refusals (`server/refusal.ts`): one per invalid field occurrence, on
 * its `ChampKey`, with the code of its `champs.errors.<code>` message and that message's parameters
 * (numbers kept as numbers: the page formats them in the reader's language). And back, for the
 * form components, which show a `ChampError` per key.
 */
import type { ChampError, ChampErrorCode } from "../../domain/champs/errors";
import type { ChampValidationIssue } from "../../domain/champs/validate-dossier";
import { type ChampKey, parseChampKey } from "../../domain/form/keys";
import { type Refusal, refusalsByField } from "../../refusal";

export function champRefusals(issues: readonly ChampValidationIssue[]): Refusal[] {
  return issues.map(({ key, error }) =>
    error.params ? { code: error.code, field: key, params: error.params } : { code: error.code, field: key },
  );
}

/** The refusals about fields (keyed by `ChampKey`), as the form components show them; others are left out. */
export function champErrorsOf(refusals: readonly Refusal[]): Record<ChampKey, ChampError> {
  const { errors, errorParams } = refusalsByField(refusals.filter((r) => parseChampKey(r.field) !== null));
  return Object.fromEntries(
    Object.entries(errors).map(([key, code]) => {
      const params = errorParams[key];
      return [key, params ? { code: code as ChampErrorCode, params } : { code: code as ChampErrorCode }];
    }),
  );
}
