/**
 * CPU time of the form engine on one seeded dossier (run by `bench/form.mjs`, or alone):
 *   node --import tsx bench/form-validation.ts --dossier <n> [--iterations 200]
 * Reads the database of DATA_DIR / DATABASE_URL (with embedded PGlite, before the platform starts:
 * one process at a time), loads the dossier's form and values, then times, per iteration:
 * - `parse`: `parseDraftValues` of the whole form as the browser posts it (every field, every row);
 * - `validate`: `hiddenKeys` + `validateChampsForSubmit`, what submission computes;
 * - `load`: reading the form and the values from the database (both queries).
 * Prints one JSON line: median and p95 in ms for each, and the form's size.
 */
import { eq } from "drizzle-orm";
import { parseArgs } from "node:util";
import { openAndMigrate } from "../server/boot";
import { loadConfig } from "../server/config";
import { loadChampValues } from "../server/db/champ-values";
import { loadRevisionForm } from "../server/db/revisions";
import { dossiers } from "../server/db/schema";
import { parseDraftValues, validateChampsForSubmit } from "../server/domain/champs/validate-dossier";
import { fieldInstances, rowIdsOf } from "../server/domain/form/tree";
import { hiddenKeys } from "../server/domain/form/visibility";
import { filledFormInputs } from "../server/seed/large-form";

const { values: args } = parseArgs({ options: { dossier: { type: "string" }, iterations: { type: "string", default: "200" } } });
const dossierId = Number(args.dossier);
const iterations = Number(args.iterations);
if (!Number.isInteger(dossierId) || dossierId < 1 || !Number.isInteger(iterations) || iterations < 1 || iterations > 100_000) {
  console.error("Usage: node --import tsx bench/form-validation.ts --dossier <number> [--iterations <1-100000>]");
  process.exit(2);
}

/** Milliseconds taken by `run`, `count` times after a warm-up (the JIT compiles the hot paths first). */
function time(count: number, run: () => unknown) {
  for (let i = 0; i < Math.min(20, count); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summary(samples);
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { median: round(at(0.5)), p95: round(at(0.95)), n: samples.length };
}

const database = await openAndMigrate(loadConfig());
try {
  const { db } = database;
  const [dossier] = await db.select({ revisionId: dossiers.revisionId }).from(dossiers).where(eq(dossiers.id, dossierId));
  if (!dossier) throw new Error(`No dossier ${dossierId}: run "guichet demarches:seed-form" first.`);
  const tree = await loadRevisionForm(db, dossier.revisionId);
  const values = await loadChampValues(db, dossierId);
  const form = filledFormInputs(tree, (blockStableId) => rowIdsOf(values, blockStableId));

  // The measure is meaningful only on a complete dossier: every visible occurrence must be valid.
  const hidden = hiddenKeys(tree, values);
  const issues = validateChampsForSubmit(tree, values, hidden);
  if (issues.length > 0) throw new Error(`The seeded dossier is not valid: ${JSON.stringify(issues.slice(0, 5))}`);
  const parsed = parseDraftValues(tree, form, values);

  const parse = time(iterations, () => parseDraftValues(tree, form, values));
  const validate = time(iterations, () => validateChampsForSubmit(tree, values, hiddenKeys(tree, values)));
  const loadSamples: number[] = [];
  for (let i = 0; i < Math.min(iterations, 50); i++) {
    const started = process.hrtime.bigint();
    await loadRevisionForm(db, dossier.revisionId);
    await loadChampValues(db, dossierId);
    loadSamples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(
    JSON.stringify({
      dossier: dossierId,
      occurrences: fieldInstances(tree, values).length,
      hidden: hidden.size,
      postedValues: parsed.size,
      parse,
      validate,
      load: summary(loadSamples),
    }),
  );
} finally {
  await database.close();
}
