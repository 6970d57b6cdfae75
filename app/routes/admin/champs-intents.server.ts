/**
 * The form editor's intents (what each button of the champs and annotations pages posts), one
 * handler each. The route action reads the form and the scoped draft once, then calls the handler
 * of the posted intent; an unknown intent is a 400.
 */
import { data, redirect } from "react-router";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../../server/db/client";
import { isTypeChamp } from "../../../server/domain/champs/registry";
import { isTypeOfferedIn } from "../../../server/domain/revisions/form-lists";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { duplicateChamp } from "../../../server/operations/revisions/duplicate-champ";
import { moveChamp } from "../../../server/operations/revisions/move-champ";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import type { DraftChamp } from "../../../server/queries/admin/champs";
import { formString, notFound } from "../../lib/request.server";
import { intField } from "./admin.server";
import { type ChampActionData, submittedValuesOf, updateInputOf } from "./champs.server";
import { champConditionAction } from "./conditions.server";
import { changeTypeFromForm, refusedChampAction } from "./type-change.server";
import { refusalsByField } from "../../../server/refusal";
import type { EditorList } from "./ui/editor-lists";

/** What every handler gets: the request's form, the scoped draft list and the page's answers. */
export interface ChampIntentContext {
  db: Db;
  administrateurId: number;
  demarcheId: number;
  locale: Locale;
  list: EditorList;
  intent: string;
  form: FormData;
  /** Sent by the enhanced page (fetchers): answers with data; otherwise redirects to the page. */
  enhanced: boolean;
  /** The editor page (champs or annotations). */
  page: string;
  /** The fields of the list being edited, already scoped to the administrateur. */
  champs: readonly DraftChamp[];
}

type ChampIntentResult = Response | ReturnType<typeof data<ChampActionData>> | Awaited<ReturnType<typeof champConditionAction>>;
type ChampIntentHandler = (ctx: ChampIntentContext) => Promise<ChampIntentResult>;

/** Success: data for the enhanced page, else back to the page at the field (or `anchor`). */
function done(ctx: ChampIntentContext, stableId: number | null, anchor = stableId === null ? "champs" : `champ-${stableId}`) {
  return ctx.enhanced ? data<ChampActionData>({ intent: ctx.intent, stableId, ok: true }) : redirect(`${ctx.page}#${anchor}`);
}

/** The field the form names (`stableId`), in the list being edited; any other is a 404. */
function champOf(ctx: ChampIntentContext): DraftChamp {
  const stableId = intField(ctx.form, "stableId");
  const champ = ctx.champs.find((c) => c.stableId === stableId);
  if (!champ) notFound();
  return champ;
}

function refusedAdd(ctx: ChampIntentContext, after: number | null, key: string) {
  return data<ChampActionData>({ intent: ctx.intent, stableId: after, ok: false, errors: { type: key } }, { status: 400 });
}

const add: ChampIntentHandler = async (ctx) => {
  const type = formString(ctx.form, "type");
  const after = intField(ctx.form, "afterStableId");
  if (after !== null && !ctx.champs.some((c) => c.stableId === after)) notFound();
  if (!isTypeChamp(type)) return refusedAdd(ctx, after, "type_invalid");
  if (!isTypeOfferedIn(type, ctx.list)) return refusedAdd(ctx, after, "type_not_in_annotations");
  const { stableId } = await addChamp(
    ctx.db,
    ctx.administrateurId,
    ctx.demarcheId,
    {
      type,
      afterStableId: after,
      private: ctx.list === "annotations",
      parentStableId: intField(ctx.form, "parentStableId"),
    },
    ctx.locale,
  );
  return done(ctx, stableId);
};

const update: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  const values = submittedValuesOf(ctx.form, champ.type);
  const refused = (errors: Record<string, string>, errorParams?: ChampActionData["errorParams"]) =>
    data<ChampActionData>(
      { intent: ctx.intent, stableId: champ.stableId, ok: false, values, errors, ...(errorParams ? { errorParams } : {}) },
      { status: 400 },
    );
  const input = updateInputOf(champ, values);
  if (!input.ok) {
    const { field, key, params } = input.error;
    return refused({ [field]: key }, params ? { [field]: params } : {});
  }
  const result = await updateChamp(ctx.db, ctx.administrateurId, ctx.demarcheId, input.input);
  if (result.ok) return done(ctx, champ.stableId);
  const { errors, errorParams } = refusalsByField(result.refusals);
  return refused(errors, errorParams);
};

/** « Monter » / « Descendre »: one place up or down in the field's own list. */
const moveBy =
  (direction: "up" | "down"): ChampIntentHandler =>
  async (ctx) => {
    const champ = champOf(ctx);
    await moveChamp(ctx.db, ctx.administrateurId, ctx.demarcheId, { stableId: champ.stableId, direction });
    return done(ctx, champ.stableId);
  };

/** Drag and drop (JavaScript only): to an index of the field's own list. */
const moveTo: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  const toIndex = intField(ctx.form, "toIndex");
  if (toIndex === null) throw data({ status: 400 }, { status: 400 });
  await moveChamp(ctx.db, ctx.administrateurId, ctx.demarcheId, { stableId: champ.stableId, toIndex });
  return done(ctx, champ.stableId);
};

const duplicate: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  const { stableId } = await duplicateChamp(ctx.db, ctx.administrateurId, ctx.demarcheId, champ.stableId);
  return done(ctx, stableId);
};

/** No JavaScript: the page asks to confirm the deletion before `delete` is posted. */
const confirmDelete: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  return data<ChampActionData>({ intent: ctx.intent, stableId: champ.stableId, ok: true, confirmDelete: true });
};

const remove: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  const removed = await removeChamp(ctx.db, ctx.administrateurId, ctx.demarcheId, champ.stableId);
  if (!removed.ok) return refusedChampAction(ctx.intent, champ.stableId, removed);
  // Without JavaScript the page comes back at the field that was above the removed one.
  const previous = ctx.champs[ctx.champs.indexOf(champ) - 1];
  return done(ctx, champ.stableId, previous ? `champ-${previous.stableId}` : "champs");
};

const changeType: ChampIntentHandler = async (ctx) => {
  const champ = champOf(ctx);
  const { db, administrateurId, demarcheId, form, locale } = ctx;
  const changed = await changeTypeFromForm(db, administrateurId, demarcheId, champ.stableId, form, locale);
  return changed.ok ? done(ctx, champ.stableId) : refusedChampAction(ctx.intent, champ.stableId, changed);
};

const condition: ChampIntentHandler = (ctx) =>
  champConditionAction({
    db: ctx.db,
    administrateurId: ctx.administrateurId,
    demarcheId: ctx.demarcheId,
    form: ctx.form,
    locale: ctx.locale,
    enhanced: ctx.enhanced,
    page: ctx.page,
    isPrivate: ctx.list === "annotations",
  });

export const CHAMP_INTENTS: Readonly<Record<string, ChampIntentHandler>> = {
  add,
  update,
  "move-up": moveBy("up"),
  "move-down": moveBy("down"),
  "move-to": moveTo,
  duplicate,
  "confirm-delete": confirmDelete,
  delete: remove,
  "change-type": changeType,
  condition,
};

/** Runs the handler of the posted intent; an intent no button posts is a 400. */
export function handleChampIntent(ctx: ChampIntentContext): Promise<ChampIntentResult> {
  const handler = Object.hasOwn(CHAMP_INTENTS, ctx.intent) ? CHAMP_INTENTS[ctx.intent] : undefined;
  if (!handler) throw data({ status: 400 }, { status: 400 });
  return handler(ctx);
}
