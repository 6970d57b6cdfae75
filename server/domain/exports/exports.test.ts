import { describe, expect, it } from "vitest";
import { exportCell, EXPORT_KINDS, exportJsonValue, parisWallClock } from "./cells";
import { exportFilename } from "./formats";
import { exportKey, type ExportScope } from "./scope";
import { cleanSheetName, repetitionSheetName, SHEET_NAME_MAX, uniqueSheetName } from "./sheet-names";
import { TYPES_CHAMP } from "../champs/definition";

const scope: ExportScope = {
  statut: "tous",
  filtres: [],
  tri: "",
  ordre: "",
  q: "",
  archives: false,
  periode: "tout",
  today: "2026-12-07",
};

describe("sheet names", () => {
  it("names a repetition sheet `(<stable id>) <libellé>` within 31 characters, without forbidden characters", () => {
    const taken = new Set<string>();
    expect(repetitionSheetName(12, "Membres", taken)).toBe("(12) Membres");
    const long = repetitionSheetName(12345, "Liste des membres du bureau de l’association", taken);
    expect([...long].length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(long.startsWith("(12345) Liste des membres")).toBe(true);
    expect(cleanSheetName("Budget [2024]: a/b\\c*?")).toBe("Budget 2024 a b c");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
  });

  it("keeps names unique, case-insensitively, still within the limit", () => {
    const taken = new Set<string>(["dossiers"]);
    expect(uniqueSheetName("Dossiers", taken)).toBe("Dossiers (2)");
    const a = uniqueSheetName("x".repeat(40), taken);
    const b = uniqueSheetName("X".repeat(40), taken);
    expect(a).not.toBe(b);
    expect([...b].length).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });
});

describe("typed cells", () => {
  const field = (type: (typeof TYPES_CHAMP)[number], options: unknown = {}) => ({ stableId: 1, type, libelle: "x", options });

  it("has an export kind for every field type", () => {
    for (const type of TYPES_CHAMP) expect(EXPORT_KINDS[type]).toBeDefined();
  });

  it("numbers are numbers, dates and date-times are dates (wall-clock), blanks are null", () => {
    expect(exportCell(field("integer_number"), "42", "fr")).toBe(42);
    expect(exportCell(field("decimal_number"), "12,5", "fr")).toBe(12.5);
    expect(exportCell(field("integer_number"), null, "fr")).toBeNull();
    const day = exportCell(field("date"), "2024-03-15", "fr") as Date;
    expect(day.toISOString()).toBe("2024-03-15T00:00:00.000Z");
    const moment = exportCell(field("datetime"), "2024-03-15T10:30", "fr") as Date;
    expect(moment.toISOString()).toBe("2024-03-15T10:30:00.000Z");
    expect(exportJsonValue(field("date"), "2024-03-15", "fr")).toBe("2024-03-15");
    expect(exportJsonValue(field("datetime"), "2024-03-15T10:30", "fr")).toBe("2024-03-15T10:30");
  });

  it("other types give their display string; an identity document présent / absent; layout none", () => {
    expect(exportCell(field("yes_no"), "true", "fr")).toBe("Oui");
    expect(exportCell(field("titre_identite"), null, "fr")).toBe("absent");
    expect(exportCell(field("explication"), "x", "fr")).toBeNull();
    expect(exportCell(field("text"), "Bonjour", "fr")).toBe("Bonjour");
  });

  it("the dossier's dates are read as Paris wall-clock time", () => {
    expect(parisWallClock(new Date("2024-07-01T08:00:00Z"))?.toISOString()).toBe("2024-07-01T10:00:00.000Z");
    expect(parisWallClock(new Date("2024-01-15T08:00:00Z"))?.toISOString()).toBe("2024-01-15T09:00:00.000Z");
    expect(parisWallClock(null)).toBeNull();
  });
});

describe("export key", () => {
  it("is the same for the same format and scope, different otherwise", () => {
    expect(exportKey("xlsx", scope)).toBe(exportKey("xlsx", { ...scope, today: "2026-12-08" }));
    expect(exportKey("xlsx", scope)).not.toBe(exportKey("ods", scope));
    expect(exportKey("xlsx", scope)).not.toBe(exportKey("xlsx", { ...scope, archives: true }));
    expect(exportKey("xlsx", scope)).not.toBe(exportKey("xlsx", { ...scope, filtres: ["self/state:in:accepte"] }));
  });

  it("depends on the day when a filter is relative to it (« this week »)", () => {
    const relative = { ...scope, filtres: ["self/depose_at:this_week"] };
    expect(exportKey("csv", relative)).not.toBe(exportKey("csv", { ...relative, today: "2026-12-20" }));
  });
});

describe("file name", () => {
  it("is dossiers_<démarche>_<date>.<format>", () => {
    expect(exportFilename(7, "ods", new Date("2026-12-07T09:05:00Z"))).toBe("dossiers_7_2026-12-07_09-05.ods");
  });
});
