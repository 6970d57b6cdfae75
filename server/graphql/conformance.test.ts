/**
 * Our SDL must be structurally identical to the reference platform's (types, fields, arguments,
 * input fields, enum values, nullability and lists, defaults, deprecations, `@oneOf`, interfaces,
 * union members, roots) but for the differences listed, each with its reason, in
 * server/graphql/conformance-allowlist.txt (scripts/graphql-conformance.ts computes them and prints
 * the coverage). A difference not listed fails, and so does a listed one that is gone.
 *
 * The reference SDL lives outside the repository (../shared/reference), and its text is never
 * copied in: the comparison runs against its structural manifest, server/graphql/reference-manifest.json
 * (shapes and description fingerprints, no text; `npm run graphql:manifest` writes it). Where the
 * reference is present, the manifest must be the one it produces.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import {
  descriptionFingerprint,
  MANIFEST_PATH,
  manifestOfSdl,
  readManifest,
  REFERENCE_SDL_PATH,
  schemaFromManifest,
} from "../../scripts/graphql-manifest";
import { ALLOWLIST_PATH, parseAllowlist, schemaDifferences } from "../../scripts/graphql-conformance";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ourPath = path.resolve(repoRoot, "server/graphql/schema.graphql");

const ourSdl = readFileSync(ourPath, "utf8");
const manifest = readManifest();

describe("GraphQL schema", () => {
  it("is a valid schema whose types carry every field of their interfaces", () => {
    expect(validateSchema(buildSchema(ourSdl)).map((e) => e.message)).toEqual([]);
  });

  it("has the root fields of the API", () => {
    const query = buildSchema(ourSdl).getQueryType();
    const fields = query?.getFields() ?? {};
    expect(String(fields.demarche?.type)).toBe("Demarche!");
    expect(fields.demarche?.args.map((a) => `${a.name}: ${a.type}`)).toEqual(["number: Int!"]);
    expect(String(fields.dossier?.type)).toBe("Dossier!");
    expect(fields.dossier?.args.map((a) => `${a.name}: ${a.type}`)).toEqual(["number: Int!"]);
  });

  it("describes every type and field in its own words", () => {
    const schema = buildSchema(ourSdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe("against the reference's manifest", () => {
    const ref = schemaFromManifest(manifest);

    it.skipIf(!existsSync(REFERENCE_SDL_PATH))("is the manifest of the reference SDL as it is now", () => {
      expect(manifest, `${MANIFEST_PATH} is out of date: run \`npm run graphql:manifest\``).toEqual(
        manifestOfSdl(readFileSync(REFERENCE_SDL_PATH, "utf8")),
      );
    });

    const differences = schemaDifferences(buildSchema(ourSdl), ref);
    const allowlist = parseAllowlist(readFileSync(ALLOWLIST_PATH, "utf8"));

    it("differs from the reference only where the allow-list says why", () => {
      const allowed = new Set(allowlist.map((e) => e.difference));
      expect(
        differences.filter((d) => !allowed.has(d)),
        "new differences: fix the schema, or list them in conformance-allowlist.txt under a reason",
      ).toEqual([]);
    });

    it("has no stale allow-list entry, and a reason for each", () => {
      expect(
        allowlist.filter((e) => !differences.includes(e.difference)).map((e) => `line ${e.line}: ${e.difference}`),
        "these differences are gone: remove them from conformance-allowlist.txt",
      ).toEqual([]);
      expect(allowlist.filter((e) => !e.reason).map((e) => `line ${e.line}`)).toEqual([]);
      expect(new Set(allowlist.map((e) => e.difference)).size).toBe(allowlist.length);
    });

    it("uses none of the reference's descriptions", () => {
      const refDescriptions = new Set(manifest.descriptions);
      const copied: string[] = [];
      const ours = buildSchema(ourSdl);
      for (const type of Object.values(ours.getTypeMap())) {
        if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
        if (type.description && refDescriptions.has(descriptionFingerprint(type.description))) copied.push(type.name);
        if (isObjectType(type) || isInterfaceType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (field.description && refDescriptions.has(descriptionFingerprint(field.description))) {
              copied.push(`${type.name}.${field.name}`);
            }
          }
        }
      }
      expect(copied).toEqual([]);
    });

    it("reports every kind of difference, in the allow-list's words", () => {
      const diff = (sdl: string) => {
        expect(sdl).not.toBe(ourSdl);
        return schemaDifferences(buildSchema(sdl), ref).filter((d) => !differences.includes(d));
      };
      expect(diff(ourSdl.replace("dateDepot: ISO8601DateTime!", "dateDepot: ISO8601DateTime"))).toEqual([
        "type of Dossier.dateDepot: ours ISO8601DateTime, reference ISO8601DateTime!",
      ]);
      expect(diff(ourSdl.replace("champs(\n", "champs(\n    minimum: Int\n"))).toContain(
        "extra argument Dossier.champs(minimum:)",
      );
      expect(diff(ourSdl.replace(/\n {4}revision: ID\n/, "\n    revisionNumber: ID\n"))).toEqual([
        "extra argument Demarche.dossiers(revisionNumber:)",
        "missing argument Demarche.dossiers(revision:)",
      ]);
      expect(diff(ourSdl.replace("enum Order {\n", "enum Order {\n  RANDOM\n"))).toEqual(["extra enum value Order.RANDOM"]);
      expect(diff(ourSdl.replace("order: Order = ASC", "order: Order = DESC"))).toContain(
        "default of argument Demarche.dossiers(order:): ours DESC, reference ASC",
      );
      expect(diff(ourSdl.replace("input FindDemarcheInput @oneOf {", "input FindDemarcheInput {"))).toEqual([
        "oneOf of FindDemarcheInput: ours no, reference yes",
      ]);
      const withoutField = ourSdl.replace(/\n {2}"""\n[^"]*"""\n {2}dateDepot: ISO8601DateTime!\n/, "\n");
      expect(diff(withoutField)).toContain("missing field Dossier.dateDepot");
      expect(diff(ourSdl.replace(/(\n {2}state: DossierState!)( @deprecated[^\n]*)/, "$1"))).toEqual([
        "deprecation of Traitement.state: ours no, reference yes",
      ]);
    });
  });
});
