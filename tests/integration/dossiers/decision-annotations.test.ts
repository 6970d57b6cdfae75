/**
 * A final decision (accepter, refuser, classer sans suite) needs the annotations privées complete,
 * as the reference's `can_terminer?`: a visible mandatory annotation left blank, or an invalid one,
 * refuses the decision with the libellés to fill, and nothing changes. Hidden ones do not count.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champValue, constant, eq as equals } from "../../../server/domain/conditions/ast";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { dossiers, traitements } from "../../../server/db/schema";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { classerSansSuite } from "../../../server/operations/dossiers/classer-sans-suite";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../../server/operations/dossiers/repasser-en-construction";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { buildDemarcheWithAnnotations } from "../instructeur/annotations-helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const SUBVENTION = "Demande-t-il une subvention ?";
const AVIS = "Avis du service";
const MONTANT = "Montant accordé";
const NOTE = "Note libre";

/** A dossier en instruction whose usager answered `subvention`; annotations all blank. */
async function dossierEnInstruction(subvention: "true" | "false") {
  const { db } = database;
  const built = await buildDemarcheWithAnnotations(db, {
    champs: [{ type: "yes_no", libelle: SUBVENTION }],
    annotations: [
      { type: "text", libelle: AVIS },
      // Only asked when the usager asks for a subvention.
      { type: "integer_number", libelle: MONTANT, condition: (id) => equals(champValue(id(SUBVENTION)), constant(true)) },
      { type: "text", libelle: NOTE, mandatory: false },
    ],
  });
  const instructeur = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  const { dossierId } = await buildDossier(db, {
    demarche: built.demarche,
    values: { [SUBVENTION]: subvention },
    state: "en_instruction",
  });
  const actor = { userId: instructeur.userId, instructeurId: instructeur.instructeurId, email: instructeur.email };
  const annotate = (values: Record<string, string>) => {
    const posted = new Map(
      Object.entries(values).map(([libelle, v]) => [champInputName(String(built.annotationIds[libelle])), v]),
    );
    return saveAnnotations(db, instructeur.instructeurId, dossierId, (name) => posted.get(name));
  };
  return { dossierId, actor, annotate };
}

async function snapshot(dossierId: number) {
  const { db } = database;
  const [row] = await db
    .select({ state: dossiers.state, motivation: dossiers.motivation })
    .from(dossiers)
    .where(eq(dossiers.id, dossierId));
  const history = await db.select({ id: traitements.id }).from(traitements).where(eq(traitements.dossierId, dossierId));
  return { ...row, traitements: history.length };
}

describe("decisions and annotations privées", () => {
  it.each([
    ["accepter", (a: Actor, id: number) => accepterDossier(database.db, a, id, null)],
    ["refuser", (a: Actor, id: number) => refuserDossier(database.db, a, id, "Pièces manquantes.")],
    ["classer sans suite", (a: Actor, id: number) => classerSansSuite(database.db, a, id, "Demande retirée.")],
  ])("%s is refused while mandatory annotations are blank, then allowed once filled", async (_, decide) => {
    const { dossierId, actor, annotate } = await dossierEnInstruction("true");
    const before = await snapshot(dossierId);
    expect(before.state).toBe("en_instruction");

    expect(await decide(actor, dossierId)).toEqual({
      ok: false,
      refusals: [
        { code: "annotations_incompletes", field: "form", params: { champs: `«\u00a0${AVIS}\u00a0», «\u00a0${MONTANT}\u00a0»` } },
      ],
    });
    expect(await snapshot(dossierId)).toEqual(before);

    // One filled: the other is still named.
    expect(await annotate({ [AVIS]: "Favorable" })).toMatchObject({ ok: true });
    expect(await decide(actor, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ params: { champs: `«\u00a0${MONTANT}\u00a0»` } }],
    });
    expect(await snapshot(dossierId)).toEqual(before);

    expect(await annotate({ [AVIS]: "Favorable", [MONTANT]: "1500" })).toMatchObject({ ok: true });
    expect(await decide(actor, dossierId)).toMatchObject({ ok: true });
  });

  it("does not count an annotation its condition hides", async () => {
    const { dossierId, actor, annotate } = await dossierEnInstruction("false");
    expect(await annotate({ [AVIS]: "Défavorable" })).toMatchObject({ ok: true });
    expect(await accepterDossier(database.db, actor, dossierId, null)).toEqual({ ok: true, to: "accepte" });
  });

  it("does not block going back to construction nor starting the instruction", async () => {
    const { dossierId, actor } = await dossierEnInstruction("true");
    expect(await repasserEnConstruction(database.db, actor, dossierId)).toEqual({ ok: true, to: "en_construction" });
    expect(await passerEnInstruction(database.db, actor, dossierId)).toEqual({ ok: true, to: "en_instruction" });
  });
});

type Actor = { userId: number; instructeurId: number; email: string };
