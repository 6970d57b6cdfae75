/**
 * A large form for the form-engine benchmark (`bench/form.mjs`): a published démarche of N fields —
 * every value type that works offline, section titles, an explanation, a few conditions (some
 * true, some false) and one repetition block — and a brouillon of the demo usager with every field
 * filled and R rows in the block. Built through the real operations (add/update fields, publish,
 * start, save), so the data is what the platform itself produces.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { loadChampValues } from "../db/champ-values";
import { loadRevisionForm } from "../db/revisions";
import { champs, users } from "../db/schema";
import { TYPES_CHAMP, type ChampDescriptor, type FormInput, type TypeChamp } from "../domain/champs/definition";
import { getTypeDeChamp } from "../domain/champs/registry";
import { MAX_ROWS } from "../domain/champs/types/repetition";
import { secondaryOptionValue } from "../domain/champs/types/linked_drop_down_list";
import { champInputName, champPartName } from "../domain/champs/validate-dossier";
import { champValue, constant, eq as equals, greaterThan } from "../domain/conditions/ast";
import { champKey, newRowId } from "../domain/form/keys";
import { rowIdsOf } from "../domain/form/tree";
import { startDossier } from "../operations/dossiers/start-dossier";
import { saveChamps } from "../operations/dossiers/save-champs";
import { updateIdentity } from "../operations/dossiers/update-identity";
import { DEMO_ACCOUNTS } from "./demo";
import { buildDemarche, type ChampSpec, sampleValue } from "./factories";

export const LARGE_FORM_LIMITS = { fields: { min: 20, max: 500 }, rows: { min: 0, max: MAX_ROWS } } as const;

/**
 * Value types left out: they need data from outside the form (address and territory lookups,
 * another dossier) or files, which have their own endpoints and benchmarks.
 */
const NOT_OFFLINE: ReadonlySet<TypeChamp> = new Set(["dossier_link"]);

/** Value types a benchmark form can fill with a plain post: not files, not resolved against reference data. */
export function offlineValueTypes(): TypeChamp[] {
  return TYPES_CHAMP.filter((type) => {
    const definition = getTypeDeChamp(type);
    return (
      type !== "repetition" &&
      definition.hasValue &&
      definition.writtenByForm !== false &&
      definition.resolve === undefined &&
      !NOT_OFFLINE.has(type)
    );
  });
}

const CHOICES = ["Culture", "Sport", "Solidarité", "Environnement"];
const OPTIONS: Partial<Record<TypeChamp, Record<string, unknown>>> = {
  drop_down_list: { options: CHOICES, other: false },
  multiple_drop_down_list: { options: CHOICES },
};

/** Libellés of the fields conditions read (the first of their type at top level). */
const GATES = { yesNo: "Champ 1 (yes_no)", integer: "Champ 2 (integer_number)", dropDown: "Champ 3 (drop_down_list)" };

/**
 * The field specs: `fields` fields in all (section titles, the block and its children included),
 * value types in turn, a section title every 12 fields, one explanation, and conditions on about two
 * fields in seven — true for all but one (its field is hidden, as in real forms).
 */
export function largeFormSpecs(fields: number): ChampSpec[] {
  const types = offlineValueTypes();
  const childCount = Math.min(10, Math.floor(fields / 10));
  const topLevelCount = fields - childCount - 1;
  const gates: ChampSpec[] = [
    { type: "yes_no", libelle: GATES.yesNo },
    { type: "integer_number", libelle: GATES.integer },
    { type: "drop_down_list", libelle: GATES.dropDown, options: OPTIONS.drop_down_list },
  ];
  const specs: ChampSpec[] = [
    { type: "header_section", libelle: "Section 1" },
    ...gates,
    { type: "explication", libelle: "À lire" },
  ];
  let n = gates.length;
  while (specs.length < topLevelCount) {
    if (specs.length % 12 === 0) {
      specs.push({ type: "header_section", libelle: `Section ${specs.length / 12 + 1}` });
      continue;
    }
    n += 1;
    const type = types[n % types.length] as TypeChamp;
    const spec: ChampSpec = { type, libelle: `Champ ${n} (${type})`, mandatory: n % 5 !== 0, options: OPTIONS[type] };
    // Two fields in seven depend on a gate and are shown (yes/no true, 42 > 10); one is hidden (drop-down ≠ "Sport").
    if (n % 7 === 0) spec.condition = (id) => equals(champValue(id(GATES.yesNo)), constant(true));
    if (n % 7 === 3) spec.condition = (id) => greaterThan(champValue(id(GATES.integer)), constant(10));
    if (n === 11) spec.condition = (id) => equals(champValue(id(GATES.dropDown)), constant("Sport"));
    specs.push(spec);
  }
  // The block sits in the middle of the form, so fields after it read values above it.
  const children: ChampSpec[] = [{ type: "yes_no", libelle: "Ligne : éligible" }];
  for (let i = 1; i < childCount; i++) {
    const type = types[(i * 3) % types.length] as TypeChamp;
    const child: ChampSpec = { type, libelle: `Ligne : champ ${i} (${type})`, options: OPTIONS[type] };
    // Conditions inside a row read their sibling.
    if (i % 4 === 0) child.condition = (id) => equals(champValue(id("Ligne : éligible")), constant(true));
    children.push(child);
  }
  const block: ChampSpec = { type: "repetition", libelle: "Bloc répétable", children };
  specs.splice(Math.floor(specs.length / 2), 0, block);
  return specs;
}

/**
 * The form a browser posts for this tree with every field filled (`sampleValue`) and these rows
 * in its blocks: the block's hidden row inputs (an empty one first) and each row's children.
 */
export function filledFormInputs(tree: readonly ChampDescriptor[], rowsOf: (blockStableId: number) => readonly string[]) {
  const form = new Map<string, string | string[]>();
  const fill = (descriptor: ChampDescriptor, rowId: string) => {
    const key = champKey(descriptor.stableId, rowId);
    if (!getTypeDeChamp(descriptor.type).hasValue) return;
    form.set(champInputName(key), sampleValue(descriptor.type, descriptor.options));
    if (descriptor.type === "linked_drop_down_list") {
      const first = (descriptor.options.options as Array<{ primary: string; secondaries: string[] }> | undefined)?.[0];
      if (first?.secondaries[0] !== undefined) {
        form.set(champPartName(key, "secondary"), secondaryOptionValue(first.primary, first.secondaries[0]));
      }
    }
  };
  for (const descriptor of tree) {
    if (descriptor.type !== "repetition") {
      fill(descriptor, "");
      continue;
    }
    const rows = rowsOf(descriptor.stableId);
    form.set(champInputName(descriptor.stableId), ["", ...rows]);
    for (const rowId of rows) for (const child of descriptor.children ?? []) fill(child, rowId);
  }
  return (name: string): FormInput => form.get(name);
}

export interface LargeFormResult {
  demarcheId: number;
  path: string;
  dossierId: number;
  usagerEmail: string;
  fields: number;
  rows: number;
  values: number;
}

/**
 * Creates the démarche for the demo administrateur and the filled brouillon for the demo usager
 * (run `guichet seed` first: both accounts must exist; none is created here).
 */
export async function seedLargeForm(db: Db, input: { fields: number; rows: number }): Promise<LargeFormResult> {
  const admin = DEMO_ACCOUNTS.find((a) => a.roles.includes("administrateur"))?.email as string;
  const usagerEmail = DEMO_ACCOUNTS.find((a) => a.roles.includes("usager"))?.email as string;
  const instructeurEmails = DEMO_ACCOUNTS.filter((a) => a.roles.includes("instructeur")).map((a) => a.email);
  const emails = [admin, usagerEmail, ...instructeurEmails];
  const found = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const userId = (email: string) => found.find((u) => u.email === email)?.id;
  const usagerId = userId(usagerEmail);
  if (usagerId === undefined || userId(admin) === undefined || instructeurEmails.some((e) => userId(e) === undefined)) {
    throw new Error(`The demo accounts (${admin}, ${usagerEmail}) do not exist: run "guichet seed" first.`);
  }

  const path = `formulaire-${input.fields}-champs-${Date.now().toString(36)}`;
  const { demarche } = await buildDemarche(db, {
    administrateurEmail: admin,
    instructeurEmails,
    libelle: `Formulaire de ${input.fields} champs (mesure de performance)`,
    path,
    champs: largeFormSpecs(input.fields),
  });
  const tree = await loadRevisionForm(db, demarche.publishedRevisionId as number);

  const { dossierId } = await startDossier(db, usagerId, { path, test: false });
  const identity = await updateIdentity(db, usagerId, dossierId, { civilite: "Mme", nom: "Martin", prenom: "Claire" });
  if (!identity.ok) throw new Error(`updateIdentity: ${JSON.stringify(identity.refusals)}`);
  // The block starts with one row (startDossier); the others get ids as « Ajouter un élément » gives them.
  const stored = await loadChampValues(db, dossierId);
  const rows = new Map<number, string[]>();
  for (const block of tree.filter((d) => d.type === "repetition")) {
    const ids = rowIdsOf(stored, block.stableId).slice(0, input.rows);
    while (ids.length < input.rows) {
      const id = newRowId();
      if (!ids.includes(id)) ids.push(id);
    }
    rows.set(block.stableId, ids);
  }
  const saved = await saveChamps(
    db,
    usagerId,
    dossierId,
    filledFormInputs(tree, (id) => rows.get(id) ?? []),
  );
  if (!saved.ok) throw new Error(`saveChamps: ${JSON.stringify(saved.refusals)}`);

  const count = await db.$count(champs, and(eq(champs.dossierId, dossierId), eq(champs.stream, "main")));
  const fields = tree.reduce((n, d) => n + 1 + (d.children?.length ?? 0), 0);
  return { demarcheId: demarche.id, path, dossierId, usagerEmail, fields, rows: input.rows, values: count };
}
