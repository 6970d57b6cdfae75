/**
 * `repetition` (« Bloc répétable »): a block of fields the usager fills once per row (adds and removes
 * rows). Its own value is the ordered list of row ids; each child's value is stored under its row id
 * (see `server/domain/form/keys.ts`). Children are validated row by row by the form tree
 * (`server/domain/form/`), not here: this module only knows the rows.
 */
import { z } from "zod";
import { MAX_ROWS, ROW_ID_PATTERN } from "../../form/keys";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { requiredError } from "../input";

export const repetitionOptionsSchema = z.object({});
export type RepetitionOptions = z.infer<typeof repetitionOptionsSchema>;

/** Row ids, in display order. The usager cannot name rows: they are created by the server. */
export { MAX_ROWS };
export const repetitionValueSchema = z.array(z.string().regex(ROW_ID_PATTERN)).max(MAX_ROWS);
export type RepetitionValue = z.infer<typeof repetitionValueSchema>;

/** The reference estimates a block as its children filled 2.5 times (`REPETITION_ROWS_ESTIMATE`). */
export const REPETITION_ROWS_ESTIMATE = 2.5;

export const repetition: TypeDeChampDefinition<RepetitionOptions, RepetitionValue, "repetition"> = {
  type: "repetition",
  category: "structure",
  hasValue: true,
  optionsSchema: repetitionOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: repetitionValueSchema,

  // The form posts its row ids as hidden inputs (an empty one first, so that "no row" is posted
  // too); ids are only checked for shape: rows are the usager's own, created by the server.
  parseFormInput: (raw) => {
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const rows = [...new Set(list.map((id) => id.trim()).filter((id) => ROW_ID_PATTERN.test(id)))];
    return rows.slice(0, MAX_ROWS);
  },

  // A mandatory block needs at least one row; each row's fields are checked by the form tree.
  validateForSubmit: (value, descriptor) => requiredError(value === null || value.length === 0, descriptor),

  isBlank: (value) => value === null || value.length === 0,
  displayValue: () => "",
  stringValue: () => null,

  graphqlTypename: "RepetitionChamp",
  graphqlDescriptorTypename: "RepetitionChampDescriptor",
  // The block's duration is its children's (× REPETITION_ROWS_ESTIMATE), added by the estimate.
  estimatedFillDuration: FILL_DURATION.none,

  // Prefilled rows (arrays of objects) are expanded by the form tree, not parsed as one value.
  prefill: () => null,

  prefillFormat: null,
  conditionValueType: "unmanaged",
  casts: {},
  // Rows come from the block's own buttons, not from a value.
  sampleFormInput: () => "",
};
