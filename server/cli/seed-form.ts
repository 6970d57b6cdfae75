/**
 * `guichet demarches:seed-form [--fields 100] [--rows 10]`: a published démarche with a large form
 * and a filled brouillon of the demo usager, for the form-engine benchmark (`bench/form.mjs`).
 * Run after `guichet seed` (the demo accounts own them).
 */
import { z } from "zod";
import { openAndMigrate } from "../boot";
import type { Config } from "../config";
import { LARGE_FORM_LIMITS, seedLargeForm } from "../seed/large-form";
import { parseCommandArgs, UsageError } from "./args";

const USAGE = `Usage: guichet demarches:seed-form [--fields <${LARGE_FORM_LIMITS.fields.min}-${LARGE_FORM_LIMITS.fields.max}, default 100>] [--rows <${LARGE_FORM_LIMITS.rows.min}-${LARGE_FORM_LIMITS.rows.max}, default 10>]`;

/** A whole number written in digits, within bounds (no "1e2", "0x10" or "10.0"). */
const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, { error: "must be a whole number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `at least ${min}` })
        .max(max, { error: `at most ${max}` }),
    );

const ZSeedForm = z.object({
  fields: count(LARGE_FORM_LIMITS.fields.min, LARGE_FORM_LIMITS.fields.max).default(100),
  rows: count(LARGE_FORM_LIMITS.rows.min, LARGE_FORM_LIMITS.rows.max).default(10),
});

export const seedFormCommand = {
  summary: "add a published démarche with a large form (--fields, --rows) and a filled brouillon of the demo usager",
  async run(argv: string[], config: Config) {
    const { values } = parseCommandArgs(argv, { fields: { type: "string" }, rows: { type: "string" } });
    const parsed = ZSeedForm.safeParse({ fields: values.fields, rows: values.rows });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; ");
      throw new UsageError(`demarches:seed-form: ${detail}\n${USAGE}`);
    }
    const database = await openAndMigrate(config);
    try {
      const started = Date.now();
      const r = await seedLargeForm(database.db, parsed.data);
      console.log(
        [
          `Démarche ${r.demarcheId} published at /commencer/${r.path}: ${r.fields} fields (a repetition block included).`,
          `Brouillon ${r.dossierId} of ${r.usagerEmail}: every field filled, ${r.rows} rows in the block (${r.values} values), in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
          // Machine-readable line for the benchmark scripts.
          `demarche=${r.demarcheId} dossier=${r.dossierId}`,
        ].join("\n"),
      );
    } finally {
      await database.close();
    }
  },
};
