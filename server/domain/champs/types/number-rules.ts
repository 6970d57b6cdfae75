/**
 * Options shared by `integer_number` and `decimal_number` (the reference's `positive_number`,
 * `range_number`, `min_number`, `max_number`): positive only (0 included) and/or inclusive
 * bounds. A bound that is set is active (no separate "range" switch is stored).
 */
import { z } from "zod";
import type { TypedChampDescriptor } from "../definition";
import { champError, type ChampError } from "../errors";

export function numberRulesSchema(bound: z.ZodType<number>) {
  return z
    .object({
      positiveNumber: z.boolean().optional(),
      minNumber: bound.optional(),
      maxNumber: bound.optional(),
    })
    .refine((o) => o.minNumber === undefined || o.maxNumber === undefined || o.minNumber <= o.maxNumber, {
      message: "min_over_max",
      path: ["minNumber"],
    });
}
export type NumberRules = { positiveNumber?: boolean; minNumber?: number; maxNumber?: number };

/** The first rule a valid number breaks, or null. `compare(bound)` is the sign of value − bound. */
export function numberRulesError(
  compare: (bound: number) => number,
  descriptor: TypedChampDescriptor<NumberRules>,
): ChampError | null {
  const { positiveNumber, minNumber, maxNumber } = descriptor.options;
  if (positiveNumber && compare(0) < 0) return champError("not_positive", descriptor);
  if (minNumber !== undefined && compare(minNumber) < 0) return champError("too_small", descriptor, { min: minNumber });
  if (maxNumber !== undefined && compare(maxNumber) > 0) return champError("too_large", descriptor, { max: maxNumber });
  return null;
}
