import { describe, expect, it } from "vitest";
import { champValue, constant, eq } from "../conditions/ast";
import type { RevisionField } from "./diff";
import { revisionField, revisionSnapshot } from "./test-helpers";
import { usagerFormChanges } from "./usager-changes";

/** Optional by default: the cases say when a question is mandatory. */
const field = (stableId: number, overrides: Partial<RevisionField> = {}) =>
  revisionField(stableId, { mandatory: false, ...overrides });
const form = (...fields: RevisionField[]) => revisionSnapshot(fields);

const a = field(1);
const b = field(2, { type: "drop_down_list", options: { options: ["Sport", "Culture"] } });

describe("usagerFormChanges", () => {
  it("is null when nothing changed", () => {
    expect(usagerFormChanges(form(a, b), form(a, b))).toBeNull();
  });

  it("lists questions added (mandatory or not), in the form's order, and questions removed", () => {
    const c = field(3, { libelle: "Budget", mandatory: true });
    const d = field(4, { libelle: "Remarques" });
    expect(usagerFormChanges(form(a, b), form(c, a, d))).toEqual({
      added: [
        { stableId: 3, libelle: "Budget", mandatory: true },
        { stableId: 4, libelle: "Remarques", mandatory: false },
      ],
      changed: [],
      removed: ["Champ 2"],
    });
  });

  it("lists a question reworded with its former libellé, made mandatory, re-typed, or with other choices", () => {
    const changes = usagerFormChanges(
      form(a, b, field(5), field(6)),
      form(
        { ...a, libelle: "Nom du projet", description: "Tel qu’il figure sur les statuts" },
        { ...b, options: { options: ["Sport", "Culture", "Social"] } },
        field(5, { mandatory: true }),
        field(6, { type: "yes_no" }),
      ),
    );
    expect(changes).toEqual({
      added: [],
      changed: [
        { stableId: 1, libelle: "Nom du projet", previousLibelle: "Champ 1", nowMandatory: false, answerLost: false },
        { stableId: 2, libelle: "Champ 2", previousLibelle: null, nowMandatory: false, answerLost: false },
        { stableId: 5, libelle: "Champ 5", previousLibelle: null, nowMandatory: true, answerLost: false },
        { stableId: 6, libelle: "Champ 6", previousLibelle: null, nowMandatory: false, answerLost: true },
      ],
      removed: [],
    });
  });

  it("keeps an answer when the new type can read it", () => {
    const changes = usagerFormChanges(form(a), form({ ...a, type: "textarea" }));
    expect(changes?.changed).toEqual([
      { stableId: 1, libelle: "Champ 1", previousLibelle: null, nowMandatory: false, answerLost: false },
    ]);
  });

  it("leaves out what asks nothing new: a question made optional, moved, or shown on another condition", () => {
    const mandatory = field(7, { mandatory: true });
    const conditioned = { ...b, condition: eq(champValue(1), constant("Oui")) };
    expect(usagerFormChanges(form(a, b, mandatory), form(conditioned, { ...mandatory, mandatory: false }, a))).toBeNull();
  });

  it("leaves out annotations privées, sections and explanations", () => {
    const annotation = field(8, { private: true, libelle: "Avis du service" });
    const section = field(9, { type: "header_section", libelle: "Votre projet" });
    const explication = field(10, { type: "explication", libelle: "À savoir" });
    expect(usagerFormChanges(form(a, annotation), form(a, section, explication))).toBeNull();
    expect(usagerFormChanges(form(a, section), form(a, { ...section, libelle: "Le projet" }))).toBeNull();
  });

  it("counts a section turned into a question as added, and the other way as removed", () => {
    const section = field(9, { type: "header_section", libelle: "Votre projet" });
    expect(
      usagerFormChanges(form(section, a), form({ ...section, type: "text", libelle: "Projet" }, { ...a, type: "explication" })),
    ).toEqual({
      added: [{ stableId: 9, libelle: "Projet", mandatory: false }],
      changed: [],
      removed: ["Champ 1"],
    });
  });

  it("names questions added to a repetition block", () => {
    const block = field(11, { type: "repetition", libelle: "Membres" });
    const child = field(12, { libelle: "Prénom", parentStableId: 11, mandatory: true });
    expect(usagerFormChanges(form(block), form(block, child))?.added).toEqual([
      { stableId: 12, libelle: "Prénom", mandatory: true },
    ]);
  });
});
