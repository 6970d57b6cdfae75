/** The annotations form's answer to a POST (server only: the section component stays free of server code). */
import type { ChampError } from "../../../server/domain/champs/errors";
import type { ChampKey } from "../../../server/domain/form/keys";
import { champErrorsOf } from "../../../server/operations/dossiers/champ-refusals";
import type { SaveAnnotationsResult } from "../../../server/operations/dossiers/save-annotations";
import type { AnnotationsActionData } from "./annotations-section";

/** `uploadErrors`: the files refused by the upload layer (no JavaScript), shown on their fields. */
export function annotationsActionData(
  result: SaveAnnotationsResult,
  uploadErrors: Record<ChampKey, ChampError> = {},
): AnnotationsActionData {
  if (result.ok) return { values: {}, errors: uploadErrors, hidden: null, focusRowId: result.addedRowId };
  return {
    values: Object.fromEntries(result.values),
    errors: { ...champErrorsOf(result.refusals), ...uploadErrors },
    hidden: result.hidden,
    focusRowId: result.addedRowId,
  };
}
