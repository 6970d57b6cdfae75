/**
 * `Champ.columns` through the GraphQL executor on a real database: each champ's export column, in
 * the reference's typed `Column` implementation (text, integer, decimal, date, date-time, boolean,
 * enum, enums, attachments), with the export's text as `stringValue`; blank values give a column
 * with null values; sections have none; a repetition block has none, its rows' champs have theirs.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { dossiers as dossiersTable } from "../../../server/db/schema";
import { attachFile } from "../../../server/operations/attachments/attach-file";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { executeAsAdministrateur } from "./support";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions.
type Json = any;

let database: TestDatabase;
let administrateurId = 0;
let ids: Record<string, number> = {};
const dossiers = { filled: 0, blank: 0 };

const QUERY = /* GraphQL */ `
  query ($n: Int!) {
    dossier(number: $n) {
      champs {
        label
        columns {
          __typename
          id
          label
          stringValue
          ... on TextColumn { text: value }
          ... on IntegerColumn { integer: value }
          ... on DecimalColumn { decimal: value }
          ... on DateColumn { date: value }
          ... on DateTimeColumn { datetime: value }
          ... on BooleanColumn { boolean: value }
          ... on EnumColumn { enum: value }
          ... on EnumsColumn { enums: value }
          ... on AttachmentsColumn { files: value { filename } }
        }
        ... on RepetitionChamp {
          rows { champs { label columns { __typename label stringValue ... on IntegerColumn { integer: value } } } }
        }
      }
    }
  }
`;

async function run(number: number): Promise<Record<string, Json>> {
  const data = await executeAsAdministrateur(database, administrateurId, QUERY, { n: number });
  return Object.fromEntries((data.dossier.champs as Json[]).map((c) => [c.label, c]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await buildUser(db, ["administrateur"]);
  administrateurId = admin.administrateurId as number;
  const built = await buildDemarche(db, {
    administrateurEmail: admin.email,
    champs: [
      { type: "header_section", libelle: "Section" },
      { type: "text", libelle: "Texte", mandatory: false },
      { type: "integer_number", libelle: "Entier", mandatory: false },
      { type: "decimal_number", libelle: "Décimal", mandatory: false },
      { type: "date", libelle: "Date", mandatory: false },
      { type: "datetime", libelle: "Date et heure", mandatory: false },
      { type: "yes_no", libelle: "Oui non", mandatory: false },
      { type: "drop_down_list", libelle: "Liste", mandatory: false, options: { options: ["Bleu", "Rouge"] } },
      {
        type: "multiple_drop_down_list",
        libelle: "Choix multiples",
        mandatory: false,
        options: { options: ["Pommes", "Poires", "Prunes"] },
      },
      { type: "address", libelle: "Adresse", mandatory: false },
      { type: "piece_justificative", libelle: "Justificatif", mandatory: false },
      { type: "repetition", libelle: "Membres", mandatory: false, children: [{ type: "integer_number", libelle: "Âge" }] },
    ],
  });
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  ids = Object.fromEntries(fields.map((f) => [f.libelle, f.stableId]));
  const demarche = { id: built.demarche.id, path: built.path };
  const filled = await buildDossier(db, {
    demarche,
    values: {
      Texte: "Bonjour",
      Entier: "42",
      Décimal: "1234.5",
      Date: "2026-03-15",
      "Date et heure": "2026-03-15T14:30",
      "Oui non": "true",
      Liste: "Rouge",
      "Choix multiples": ["Pommes", "Prunes"],
      Adresse: "20 avenue de Ségur 75007 Paris",
      Âge: "34",
    },
  });
  const attached = await attachFile(db, {
    writer: { form: "champs", userId: filled.usager.userId },
    dossierId: filled.dossierId,
    key: String(ids.Justificatif),
    file: {
      storageKey: `tests/statuts-${filled.dossierId}.pdf`,
      filename: "statuts.pdf",
      contentType: "application/pdf",
      byteSize: 12,
      checksum: "a".repeat(64),
    },
  });
  if (!attached.ok) throw new Error("attachFile");
  const blank = await buildDossier(db, {
    demarche,
    values: Object.fromEntries(fields.filter((f) => f.type !== "repetition").map((f) => [f.libelle, ""])),
  });
  // Served as they are: formatting a stored value does not depend on how it was submitted.
  for (const id of [filled.dossierId, blank.dossierId]) {
    await db
      .update(dossiersTable)
      .set({ state: "en_construction", deposeAt: new Date(), enConstructionAt: new Date() })
      .where(eq(dossiersTable.id, id));
  }
  dossiers.filled = filled.dossierId;
  dossiers.blank = blank.dossierId;
});

afterAll(async () => {
  await database?.close();
});

describe("Champ.columns", () => {
  it("gives each filled champ its export column, typed as the reference", async () => {
    const champs = await run(dossiers.filled);
    const column = (label: string) => {
      expect(champs[label].columns).toHaveLength(1);
      const [c] = champs[label].columns;
      expect(c.id).toBe(`type_de_champ/${ids[label]}`);
      expect(c.label).toBe(label);
      return c;
    };
    expect(column("Texte")).toMatchObject({ __typename: "TextColumn", stringValue: "Bonjour", text: "Bonjour" });
    expect(column("Entier")).toMatchObject({ __typename: "IntegerColumn", stringValue: "42", integer: "42" });
    expect(column("Décimal")).toMatchObject({ __typename: "DecimalColumn", stringValue: "1234.5", decimal: 1234.5 });
    expect(column("Date")).toMatchObject({ __typename: "DateColumn", stringValue: "2026-03-15", date: "2026-03-15" });
    // 14:30 in Paris in March (UTC+1) is 13:30 UTC.
    const datetime = column("Date et heure");
    expect(datetime.__typename).toBe("DateTimeColumn");
    expect(new Date(datetime.datetime).toISOString()).toBe("2026-03-15T13:30:00.000Z");
    expect(column("Oui non")).toMatchObject({ __typename: "BooleanColumn", stringValue: "Oui", boolean: true });
    expect(column("Liste")).toMatchObject({ __typename: "EnumColumn", stringValue: "Rouge", enum: "Rouge" });
    expect(column("Choix multiples")).toMatchObject({
      __typename: "EnumsColumn",
      stringValue: "Pommes, Prunes",
      enums: ["Pommes", "Prunes"],
    });
    expect(column("Justificatif")).toMatchObject({
      __typename: "AttachmentsColumn",
      stringValue: "statuts.pdf",
      files: [{ filename: "statuts.pdf" }],
    });
    const address = column("Adresse");
    expect(address.__typename).toBe("TextColumn");
    expect(address.stringValue).toContain("avenue de Ségur");
    expect(address.text).toBe(address.stringValue);
  });

  it("has no column for a section nor a repetition block, whose rows' champs carry theirs", async () => {
    const champs = await run(dossiers.filled);
    expect(champs.Section.columns).toEqual([]);
    expect(champs.Membres.columns).toEqual([]);
    const [row] = champs.Membres.rows;
    expect(row.champs[0].columns).toEqual([{ __typename: "IntegerColumn", label: "Âge", stringValue: "34", integer: "34" }]);
  });

  it("gives a blank champ its column with null values", async () => {
    const champs = await run(dossiers.blank);
    for (const label of ["Texte", "Entier", "Décimal", "Date", "Date et heure", "Liste", "Choix multiples", "Justificatif"]) {
      const [c] = champs[label].columns;
      expect(c.stringValue, label).toBeNull();
      const typed = Object.entries(c).filter(([key]) => !["__typename", "id", "label", "stringValue"].includes(key));
      expect(
        typed.map(([, value]) => value),
        label,
      ).toEqual([null]);
    }
    expect(champs.Justificatif.columns[0].__typename).toBe("AttachmentsColumn");
  });
});
