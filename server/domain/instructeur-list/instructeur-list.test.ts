import { describe, expect, it } from "vitest";
import { availableColumns, resolveDisplayedColumns, resolveSort, type FieldForColumns } from "./columns";
import { groupByColumn, parseFilters, parseIsoDate, periodOf } from "./filters";
import { indexDossier } from "./index-values";
import { dossierNumberOfQuery, normalizeText, searchQuery } from "./normalize";

const fields: FieldForColumns[] = [
  { stableId: 1, type: "text", libelle: "Nom de l’association", private: false, parentStableId: null, options: {} },
  { stableId: 2, type: "integer_number", libelle: "Effectif", private: false, parentStableId: null, options: {} },
  { stableId: 3, type: "date", libelle: "Date de création", private: false, parentStableId: null, options: {} },
  { stableId: 4, type: "yes_no", libelle: "Affiliée", private: false, parentStableId: null, options: {} },
  {
    stableId: 5,
    type: "drop_down_list",
    libelle: "Sport",
    private: false,
    parentStableId: null,
    options: { options: ["Football", "Escrime"] },
  },
  { stableId: 6, type: "repetition", libelle: "Membres", private: false, parentStableId: null, options: {} },
  { stableId: 7, type: "text", libelle: "Membre", private: false, parentStableId: 6, options: {} },
  { stableId: 8, type: "piece_justificative", libelle: "Statuts", private: false, parentStableId: null, options: {} },
  { stableId: 9, type: "textarea", libelle: "Avis interne", private: true, parentStableId: null, options: {} },
];
const columns = availableColumns(fields, ["Paris", "Lyon"]);
const today = "2026-12-09"; // a Wednesday

describe("columns", () => {
  it("offers the dossier's own columns and one per top-level field or annotation with a value", () => {
    const ids = columns.map((c) => c.id);
    expect(ids).toContain("self/depose_at");
    expect(ids).toContain("user/email");
    expect(ids.filter((id) => id.startsWith("field/"))).toEqual([
      "field/1",
      "field/2",
      "field/3",
      "field/4",
      "field/5",
      "field/9",
    ]);
    expect(columns.find((c) => c.id === "field/2")?.type).toBe("number");
    expect(columns.find((c) => c.id === "field/5")?.options).toEqual(["Football", "Escrime"]);
    expect(columns.find((c) => c.id === "groupe/label")?.options).toEqual(["Paris", "Lyon"]);
  });

  it("offers labels (one of the démarche's) and avis as filterable, unsorted columns; special columns only when set", () => {
    const withLabels = availableColumns(fields, [], { labels: ["Urgent", "Complet"] });
    expect(withLabels.find((c) => c.id === "labels/label_id")).toMatchObject({
      type: "enum",
      options: ["Urgent", "Complet"],
      sortable: false,
      filterable: true,
    });
    expect(withLabels.find((c) => c.id === "avis/answers")).toMatchObject({ type: "enum", options: ["en_attente", "rendu"] });
    expect(withLabels.some((c) => c.id === "self/sva_svr_decision_on")).toBe(false);
    const special = availableColumns(fields, [], { svaSvr: true, accuseLecture: true });
    expect(special.filter((c) => c.id.startsWith("self/sva") || c.id.startsWith("self/accuse")).map((c) => c.type)).toEqual([
      "date",
      "date",
    ]);
    const parsed = parseFilters(["labels/label_id:in:Urgent", "labels/label_id:in:Autre"], withLabels, today);
    expect(parsed.filters.map((f) => f.value)).toEqual(["Urgent"]);
    expect(parsed.refusals).toEqual([{ code: "unknown_option", params: { column: "labels/label_id", value: "Autre" } }]);
  });

  it("sorts notifications first (descending by default), never as a displayed column", () => {
    expect(resolveSort("notifications", null, columns)).toEqual({
      sort: { column: expect.objectContaining({ id: "notifications", filterable: false }), order: "desc" },
      refused: false,
    });
    expect(resolveDisplayedColumns(["notifications"], columns).dropped).toEqual(["notifications"]);
  });

  it("drops a saved column whose field no longer exists, and duplicates", () => {
    const { columns: shown, dropped } = resolveDisplayedColumns(["field/1", "field/42", "field/1", 7, "self/state"], columns);
    expect(shown.map((c) => c.id)).toEqual(["field/1", "self/state"]);
    expect(dropped).toEqual(["field/42", "7"]);
    expect(resolveDisplayedColumns(null, columns).columns.map((c) => c.id)).toEqual([
      "individual/identite",
      "self/state",
      "self/depose_at",
      "self/updated_at",
    ]);
  });

  it("sorts on any sortable column, falls back on an unknown one", () => {
    expect(resolveSort("field/2", "desc", columns)).toMatchObject({
      sort: { column: { id: "field/2" }, order: "desc" },
      refused: false,
    });
    expect(resolveSort("field/42", "asc", columns)).toMatchObject({
      sort: { column: { id: "self/updated_at" }, order: "desc" },
      refused: true,
    });
    expect(resolveSort("followers/email", "asc", columns).refused).toBe(true);
    expect(resolveSort(null, null, columns).sort.column.id).toBe("self/updated_at");
  });
});

describe("filters", () => {
  const parse = (...params: string[]) => parseFilters(params, columns, today);

  it("parses each operator of each type", () => {
    const { filters, refusals } = parse(
      "field/1:contains:Étoile",
      "field/2:gt:10",
      "field/2:lt:2,5",
      "field/2:eq:3",
      "field/3:before:2020-01-31",
      "field/3:after:2020-01-31",
      "self/depose_at:this_week",
      "self/depose_at:this_month",
      "self/updated_at:this_year",
      "field/4:is:true",
      "field/5:in:Escrime",
      "field/9:empty",
    );
    expect(refusals).toEqual([]);
    expect(filters.map((f) => f.condition)).toEqual([
      { kind: "contains", text: "etoile" },
      { kind: "number", op: "gt", value: 10 },
      { kind: "number", op: "lt", value: 2.5 },
      { kind: "number", op: "eq", value: 3 },
      { kind: "date", from: null, until: "2020-01-31" },
      { kind: "date", from: "2020-02-01", until: null },
      { kind: "date", from: "2026-12-07", until: "2026-12-14" },
      { kind: "date", from: "2026-12-01", until: "2027-01-01" },
      { kind: "date", from: "2026-01-01", until: "2027-01-01" },
      { kind: "bool", value: true },
      { kind: "in", text: "escrime", raw: "Escrime" },
      { kind: "empty" },
    ]);
    expect(groupByColumn(filters).map((g) => g.length)).toEqual([1, 3, 2, 2, 1, 1, 1, 1]);
  });

  it("refuses bad input precisely and keeps the good filters", () => {
    const { filters, refusals } = parse(
      "field/99:contains:x",
      "field/1:between:x",
      "field/1:gt:3",
      "field/3:before:2026-02-30",
      "field/2:gt:beaucoup",
      `field/1:contains:${"x".repeat(10_000)}`,
      "field/4:is:peut-être",
      "field/5:in:Curling",
      "field/1:contains:   ",
      "self/state:in:accepte",
    );
    expect(refusals.map((r) => r.code)).toEqual([
      "unknown_column",
      "unknown_operator",
      "operator_not_for_column",
      "invalid_date",
      "invalid_number",
      "too_long",
      "invalid_boolean",
      "unknown_option",
      "missing_value",
    ]);
    expect(filters.map((f) => f.param)).toEqual(["self/state:in:accepte"]);
  });

  it("checks calendar dates and periods", () => {
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("29/02/2024")).toBeNull();
    expect(parse("field/3:before:1/2/2024").filters[0]?.condition).toEqual({ kind: "date", from: null, until: "2024-02-01" });
    expect(periodOf("this_week", "2026-12-13")).toEqual({ from: "2026-12-07", until: "2026-12-14" });
  });
});

describe("search", () => {
  it("ignores accents and case", () => {
    expect(normalizeText("Élodie CŒUR Ça")).toBe("elodie coeur ca");
    expect(searchQuery("  Élo  dupont-Mar ")).toBe("elo:* & dupont:* & mar:*");
    expect(searchQuery("!!! ''")).toBeNull();
    expect(searchQuery("a & b | !c")).toBe("a:* & b:* & c:*");
  });

  it("reads a dossier number typed alone", () => {
    expect(dossierNumberOfQuery(" 1234 ")).toBe(1234);
    expect(dossierNumberOfQuery("n° 77")).toBe(77);
    expect(dossierNumberOfQuery("#5")).toBe(5);
    expect(dossierNumberOfQuery("12 rue")).toBeNull();
    expect(dossierNumberOfQuery("99999999999")).toBeNull();
  });

  it("indexes typed values of top-level fields and every value in the document", () => {
    const indexed = indexDossier({
      dossierId: 42,
      email: "camille.dupont@exemple.fr",
      identity: { nom: "Dupont", prenom: "Camille" },
      fields,
      values: new Map<string, unknown>([
        ["1", "Club d’Escrime de Sète"],
        ["2", "12"],
        ["3", "2020-05-01"],
        ["4", "true"],
        ["5", "Escrime"],
        ["7|r1", "Hélène"],
        ["9", "Très bien"],
      ]),
      locale: "fr",
    });
    expect(indexed.values).toEqual([
      { stableId: 1, text: "club d’escrime de sete", number: null, date: null, bool: null },
      { stableId: 2, text: "12", number: 12, date: null, bool: null },
      { stableId: 3, text: "2020-05-01", number: null, date: "2020-05-01", bool: null },
      { stableId: 4, text: "true", number: null, date: null, bool: true },
      { stableId: 5, text: "escrime", number: null, date: null, bool: null },
      { stableId: 9, text: "tres bien", number: null, date: null, bool: null },
    ]);
    expect(indexed.document).toContain("42 camille.dupont@exemple.fr camille dupont exemple fr dupont camille");
    expect(indexed.document).toContain("helene");
    expect(indexed.document).toContain("sete");
  });

  it("keeps the annotations out of the experts' document (null when there are none)", () => {
    const input = {
      dossierId: 42,
      email: null,
      identity: { nom: "Dupont", prenom: null },
      fields,
      privateStableIds: new Set([9]),
      locale: "fr" as const,
    };
    const withNote = indexDossier({
      ...input,
      values: new Map<string, unknown>([
        ["1", "Club de Sète"],
        ["9", "Très fragile"],
      ]),
    });
    expect(withNote.document).toContain("tres fragile");
    expect(withNote.publicDocument).toContain("club de sete");
    expect(withNote.publicDocument).not.toContain("fragile");
    const withoutNote = indexDossier({ ...input, values: new Map<string, unknown>([["1", "Club de Sète"]]) });
    expect(withoutNote.publicDocument).toBeNull();
  });
});
