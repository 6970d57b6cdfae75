/**
 * Server side of the editor's type change and of refused edits: the type posted by the form
 * checked against the registry, and the 400 answer carrying the error keys and their parameters.
 */
import { data } from "react-router";
import { isTypeChamp } from "../../../server/domain/champs/registry";
import type { Db } from "../../../server/db/client";
import { changeChampType } from "../../../server/operations/revisions/change-champ-type";
import type { GuardedResult } from "../../../server/operations/revisions/champ-usage-guard";
import type { Locale } from "../../../common/i18n/types";
import { formString } from "../../lib/request.server";
import type { ChampActionData } from "./champs.server";
import { refusalsByField, refuse } from "../../../server/refusal";

export async function changeTypeFromForm(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  stableId: number,
  form: FormData,
  locale: Locale,
): Promise<GuardedResult> {
  const type = formString(form, "type");
  if (!isTypeChamp(type)) return refuse("type_invalid", "type");
  return changeChampType(db, administrateurId, demarcheId, { stableId, type }, locale);
}

/** The editor's answer to an edit refused by an operation (shown on the field, and in the page's summary). */
export function refusedChampAction(intent: string, stableId: number, result: Extract<GuardedResult, { ok: false }>) {
  return data<ChampActionData>({ intent, stableId, ok: false, ...refusalsByField(result.refusals) }, { status: 400 });
}
