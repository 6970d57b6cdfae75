/**
 * Repetition blocks, conditions and ineligibility rules in the usager's form, without JavaScript,
 * through HTTP on a real database: rows added and removed by the form's own buttons with everything
 * typed kept, fields shown or hidden by the server at each save, hidden values cleared at
 * submission, and an ineligible dossier refused with the administrateur's message.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs } from "../../../server/db/schema";
import { champValue, constant, eq as equals } from "../../../server/domain/conditions/ast";
import { startDossier } from "../../../server/operations/dossiers/start-dossier";
import { updateIdentity } from "../../../server/operations/dossiers/update-identity";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { dossierRow, dossierSnapshot, pageText, signedInSession } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function setup() {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [
      { type: "yes_no", libelle: "Association" },
      {
        type: "text",
        libelle: "Numéro RNA",
        condition: (id) => equals(champValue(id("Association")), constant(true)),
      },
      {
        type: "repetition",
        libelle: "Membres",
        children: [
          { type: "text", libelle: "Nom du membre" },
          { type: "integer_number", libelle: "Âge", mandatory: false },
        ],
      },
    ],
    ineligibilite: (id) => ({
      message: "Cette aide est réservée aux associations.",
      rules: equals(champValue(id("Association")), constant(false)),
    }),
  });
  const usager = await buildUser(db);
  const { dossierId } = await startDossier(db, usager.userId, { path: built.path as string, test: false });
  await updateIdentity(db, usager.userId, dossierId, { civilite: "Mme", nom: "Martin", prenom: "Léa" });
  const session = await signedInSession(server.url, usager);
  const fields = await db.select().from(champs).where(eq(champs.dossierId, dossierId));
  const block = fields.find((f) => Array.isArray(f.value));
  if (!block) throw new Error("the block should start with one row");
  const ids = { association: 0, rna: 0, block: block.stableId, nom: 0, age: 0 };
  const html = await (await session.get(`/dossiers/${dossierId}/brouillon`)).text();
  for (const [name, libelle] of [
    ["association", "Association"],
    ["rna", "Numéro RNA"],
    ["nom", "Nom du membre"],
    ["age", "Âge"],
  ] as const) {
    const match =
      html.match(new RegExp(`for="champ-(\\d+)[^"]*"[^>]*>${libelle}`)) ??
      html.match(new RegExp(`id="champ-(\\d+)[^"]*"[^>]*>[^<]*${libelle}`));
    ids[name] = Number(match?.[1] ?? Number.NaN);
  }
  const firstRow = (block.value as string[])[0] as string;
  return { db, session, dossierId, ids, firstRow, html };
}

async function storedValue(dossierId: number, stableId: number, rowId = "", stream = "main") {
  const [row] = await server.database.db
    .select({ value: champs.value })
    .from(champs)
    .where(
      and(eq(champs.dossierId, dossierId), eq(champs.stream, stream), eq(champs.stableId, stableId), eq(champs.rowId, rowId)),
    );
  return row?.value;
}

describe("repetition blocks", () => {
  it("starts with one row, adds and removes rows keeping what was typed, and validates each row", async () => {
    const { session, dossierId, ids, firstRow, html } = await setup();
    expect(ids.nom).toBeGreaterThan(0);
    expect(html).toContain(`name="champ_${ids.nom}|${firstRow}"`);
    expect(html).toContain("Membres – élément 1");

    // Add a row: what was typed in the first row is kept, and the new row is there.
    let response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: `row-add:${ids.block}`,
      [`champ_${ids.block}`]: ["", firstRow],
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
      [`champ_${ids.association}`]: "true",
    });
    expect(response.status).toBe(200);
    const rows = (await storedValue(dossierId, ids.block)) as string[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(firstRow);
    const secondRow = rows[1] as string;
    expect(await storedValue(dossierId, ids.nom, firstRow)).toBe("Alice");
    let page = await response.text();
    expect(page).toContain(`name="champ_${ids.nom}|${secondRow}"`);
    expect(page).toContain("Membres – élément 2");

    // Submitting with the second row empty: the error points at that row's field.
    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.block}`]: ["", firstRow, secondRow],
      [`champ_${ids.rna}`]: "W123456789",
    });
    expect(response.status).toBe(422);
    page = await response.text();
    expect(page).toContain(`href="#champ-${ids.nom}-${secondRow}"`);
    expect((await dossierRow(server.database.db, dossierId)).state).toBe("brouillon");

    // Remove the first row: its values go with it; the second row stays.
    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: `row-remove:${ids.block}|${firstRow}`,
      [`champ_${ids.block}`]: ["", firstRow, secondRow],
      [`champ_${ids.nom}|${secondRow}`]: "Bob",
    });
    expect(response.status).toBe(200);
    expect(await storedValue(dossierId, ids.block)).toEqual([secondRow]);
    expect(await storedValue(dossierId, ids.nom, firstRow)).toBeUndefined();
    expect(await storedValue(dossierId, ids.nom, secondRow)).toBe("Bob");

    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.block}`]: ["", secondRow],
    });
    expect(response.status).toBe(302);
    expect((await dossierRow(server.database.db, dossierId)).state).toBe("en_construction");
    const dossierPage = pageText(await (await session.get(`/dossiers/${dossierId}`)).text());
    expect(dossierPage).toContain("Membres – élément 1");
    expect(dossierPage).toContain("Bob");
  });

  it("requires a row in a mandatory block, and ignores a forged row button", async () => {
    const { session, dossierId, ids, firstRow } = await setup();
    await session.get(`/dossiers/${dossierId}/brouillon`);
    let response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: `row-remove:${ids.block}|${firstRow}`,
      [`champ_${ids.block}`]: ["", firstRow],
      [`champ_${ids.association}`]: "true",
      [`champ_${ids.rna}`]: "W123456789",
    });
    expect(await storedValue(dossierId, ids.block)).toEqual([]);
    expect(await response.text()).toContain("Aucun élément pour l’instant.");
    response = await session.post(`/dossiers/${dossierId}/brouillon`, { intent: "submit", [`champ_${ids.block}`]: [""] });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`href="#champ-${ids.block}"`);

    // A button naming a field that is not a block of this form changes no row.
    const before = await dossierSnapshot(server.database.db, dossierId);
    await session.post(`/dossiers/${dossierId}/brouillon`, { intent: `row-add:${ids.rna}` });
    const after = (await dossierSnapshot(server.database.db, dossierId)) as {
      values: Array<{ stableId: number; value: unknown }>;
    };
    expect(after.values.find((v) => v.stableId === ids.block)?.value).toEqual([]);
    expect((before as typeof after).values.length).toBe(after.values.length);
  });

  it("keeps a row added en construction in the usager's buffer until the changes are submitted", async () => {
    const { session, dossierId, ids, firstRow } = await setup();
    await session.get(`/dossiers/${dossierId}/brouillon`);
    await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.association}`]: "true",
      [`champ_${ids.rna}`]: "W123456789",
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
    });
    expect((await dossierRow(server.database.db, dossierId)).state).toBe("en_construction");
    await session.get(`/dossiers/${dossierId}/modifier`);
    let response = await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: `row-add:${ids.block}`,
      [`champ_${ids.block}`]: ["", firstRow],
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    const added = page.match(new RegExp(`name="champ_${ids.nom}\\|([a-z0-9]+)"`, "g")) ?? [];
    expect(added).toHaveLength(2);
    const newRow = (added[1] as string).split("|")[1]?.replace('"', "") as string;
    // The administration still has one row; the usager's buffer has two.
    expect(await storedValue(dossierId, ids.block)).toEqual([firstRow]);
    expect(await storedValue(dossierId, ids.block, "", "user:buffer")).toEqual([firstRow, newRow]);

    // Submitting the changes with the new row filled gives the administration both rows.
    response = await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: "submit",
      [`champ_${ids.block}`]: ["", firstRow, newRow],
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
      [`champ_${ids.nom}|${newRow}`]: "Chloé",
    });
    expect(response.status).toBe(302);
    expect(await storedValue(dossierId, ids.block)).toEqual([firstRow, newRow]);
    expect(await storedValue(dossierId, ids.nom, newRow)).toBe("Chloé");
  });
});

describe("conditions", () => {
  it("shows a field only when its condition holds, and does not require it while hidden", async () => {
    const { session, dossierId, ids, firstRow, html } = await setup();
    const wrapper = (page: string) => page.match(new RegExp(`<div[^>]* data-champ-key="${ids.rna}"[^>]*>`))?.[0] ?? "";
    expect(wrapper(html)).toContain("hidden");

    let response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "save",
      [`champ_${ids.association}`]: "true",
    });
    expect(wrapper(await response.text())).not.toContain("hidden");

    // Shown and empty: required at submission.
    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.association}`]: "true",
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`href="#champ-${ids.rna}"`);
  });

  it("clears what a hidden field holds when the dossier is submitted", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, {
      champs: [
        { type: "yes_no", libelle: "Association" },
        { type: "text", libelle: "Numéro RNA", condition: (id) => equals(champValue(id("Association")), constant(true)) },
      ],
    });
    const usager = await buildUser(db);
    const { dossierId } = await startDossier(db, usager.userId, { path: built.path as string, test: false });
    await updateIdentity(db, usager.userId, dossierId, { civilite: "M.", nom: "Durand", prenom: "Paul" });
    const session = await signedInSession(server.url, usager);
    const html = await (await session.get(`/dossiers/${dossierId}/brouillon`)).text();
    const [association, rna] = [...html.matchAll(/data-champ-key="(\d+)"/g)].map((m) => Number(m[1]));
    // Typed while shown, then hidden by the answer: kept in the brouillon, cleared at submission.
    await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "save",
      [`champ_${association}`]: "true",
      [`champ_${rna}`]: "W1",
    });
    expect(await storedValue(dossierId, rna as number)).toBe("W1");
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${association}`]: "false",
    });
    expect(response.status).toBe(302);
    expect(await storedValue(dossierId, rna as number)).toBeNull();
    expect(pageText(await (await session.get(`/dossiers/${dossierId}`)).text())).not.toContain("Numéro RNA");
  });
});

describe("ineligibility rules", () => {
  it("refuses an ineligible dossier with the administrateur's message, keeping it a brouillon", async () => {
    const { session, dossierId, ids, firstRow } = await setup();
    await session.get(`/dossiers/${dossierId}/brouillon`);
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.association}`]: "false",
      [`champ_${ids.nom}|${firstRow}`]: "Alice",
    });
    expect(response.status).toBe(422);
    const text = pageText(await response.text());
    expect(text).toContain("Vous ne pouvez pas déposer ce dossier");
    expect(text).toContain("Cette aide est réservée aux associations.");
    expect((await dossierRow(server.database.db, dossierId)).state).toBe("brouillon");
    // The answer that made it ineligible is kept.
    expect(await storedValue(dossierId, ids.association)).toBe("false");
  });
});
