#!/usr/bin/env node
/**
 * How much of the reference API v2 schema ours covers, measured rather than claimed:
 * types, fields (of objects, interfaces and inputs) and, of the fields we have, how many have the
 * reference's exact type signature (nullability and lists included); mutations counted apart.
 *
 *   node scripts/api-coverage.mjs [reference.graphql] [--missing]   (default: ../shared/reference/ds-schema.graphql)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType } from "graphql";

const root = new URL("..", import.meta.url).pathname;
const referencePath =
  process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? path.join(root, "../shared/reference/ds-schema.graphql");
if (!existsSync(referencePath)) {
  console.error(`api-coverage: no reference schema at ${referencePath}`);
  process.exit(2);
}
const ours = buildSchema(readFileSync(path.join(root, "server/graphql/schema.graphql"), "utf8"));
const reference = buildSchema(readFileSync(referencePath, "utf8"));

const hasFields = (type) => isObjectType(type) || isInterfaceType(type) || isInputObjectType(type);
const namedTypes = (schema) => Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));

const count = { types: 0, typesCovered: 0, fields: 0, fieldsCovered: 0, fieldsExact: 0, mutations: 0, mutationsCovered: 0 };
const missingTypes = [];
for (const type of namedTypes(reference)) {
  const own = ours.getType(type.name);
  count.types++;
  if (own) count.typesCovered++;
  else missingTypes.push(type.name);
  if (!hasFields(type)) continue;
  const isMutation = type === reference.getMutationType();
  for (const field of Object.values(type.getFields())) {
    const ownField = own && hasFields(own) ? own.getFields()[field.name] : undefined;
    if (isMutation) {
      count.mutations++;
      if (ownField) count.mutationsCovered++;
      continue;
    }
    count.fields++;
    if (!ownField) continue;
    count.fieldsCovered++;
    if (String(ownField.type) === String(field.type)) count.fieldsExact++;
  }
}

const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;
console.log(`types      ${count.typesCovered} / ${count.types} (${pct(count.typesCovered, count.types)})`);
console.log(
  `fields     ${count.fieldsCovered} / ${count.fields} (${pct(count.fieldsCovered, count.fields)}), ${count.fieldsExact} with the reference's exact type`,
);
console.log(`mutations  ${count.mutationsCovered} / ${count.mutations}`);
if (process.argv.includes("--missing")) console.log(`missing types: ${missingTypes.join(", ")}`);
