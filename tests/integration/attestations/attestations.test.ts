/**
 * Attestations end to end against the database: the administrateur's operations (checked tags,
 * activation), the generation after acceptance (a real PDF whose text holds the rendered tags),
 * its deletion when the dossier goes back en instruction, and the scopes of the downloads.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attestations, attestationTemplates, groupesInstructeurs, mailTemplates } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { storageFor } from "../../../server/integrations/storage";
import { generateAttestation } from "../../../server/operations/attestations/generate-attestation";
import { saveAttestationTemplate } from "../../../server/operations/attestations/save-attestation-template";
import { setAttestationActivation } from "../../../server/operations/attestations/set-attestation-activation";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { setGroupeSignature } from "../../../server/operations/groupes/set-groupe-signature";
import { attestationBlockers } from "../../../server/lookups/attestation-checks";
import { findInstructeurAttestation, findUsagerAttestation } from "../../../server/queries/dossier-attestation";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { readPdf } from "../../support/pdf-text";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const TEMPLATE = {
  title: "Attestation d’acceptation n° --numéro du dossier--",
  body: "Madame --nom-- (--Nom de l’association--) est acceptée.\n\nMotif : --motivation--",
  footer: "Mairie de Brive – 1 place de l’Hôtel de ville",
  officialLayout: true,
};

async function setup() {
  const { db } = database;
  const built = await buildDemarche(db, {
    libelle: "Subvention aux clubs",
    champs: [{ type: "text", libelle: "Nom de l’association" }],
  });
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const { dossierId, usager } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    identity: { civilite: "Mme", nom: "Berthier", prenom: "Louise" },
    values: { "Nom de l’association": "US Brive" },
  });
  const i = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  const actor = { userId: i.userId, instructeurId: i.instructeurId, email: i.email };
  return { ...built, admin, dossierId, usager, actor };
}

async function attestationJobs(dossierId: number) {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'generate-attestation' and (j.payload->>'dossierId')::int = ${dossierId}`,
  );
  return rows.rows;
}

describe("attestation templates", () => {
  it("refuses an unknown or unavailable tag, named, and saves nothing", async () => {
    const { db } = database;
    const { demarche, admin } = await setup();
    const result = await saveAttestationTemplate(db, admin, demarche.id, "acceptation", {
      ...TEMPLATE,
      body: "--tag inconnu-- et --lien dossier--",
    });
    expect(result).toEqual({
      ok: false,
      refusals: [
        { code: "tag_unknown", field: "body", params: { tag: "--tag inconnu--" } },
        { code: "tag_unavailable", field: "body", params: { tag: "--lien dossier--" } },
      ],
    });
    expect(await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, demarche.id))).toEqual([]);
    expect(await setAttestationActivation(db, admin, demarche.id, "acceptation", true)).toEqual({
      ok: false,
      refusals: [{ code: "not_saved", field: "activated" }],
    });
  });

  it("is a 404 for another administrateur", async () => {
    const { db } = database;
    const { demarche } = await setup();
    const other = await buildDemarche(db);
    const stranger = { administrateurId: other.administrateurId, userId: other.admin.userId };
    await expect(saveAttestationTemplate(db, stranger, demarche.id, "acceptation", TEMPLATE)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setAttestationActivation(db, stranger, demarche.id, "acceptation", true)).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** The parameters of the decision e-mails queued for a dossier (send-mail jobs). */
async function decisionMails(dossierId: number) {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' in ('dossier_accepte', 'dossier_refuse')
          and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}`,
  );
  return rows.rows.map((row) => (row as { payload: { template: string; params: { attestation?: boolean } } }).payload);
}

describe("generation", () => {
  it("draws the PDF with the dossier's values after acceptance, deletes it when the dossier goes back en instruction", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const { demarche, admin, dossierId, actor, usager, instructeurs } = await setup();
    expect(await saveAttestationTemplate(db, admin, demarche.id, "acceptation", TEMPLATE)).toEqual({ ok: true });
    expect(await setAttestationActivation(db, admin, demarche.id, "acceptation", true)).toEqual({ ok: true });

    await passerEnInstruction(db, actor, dossierId);
    expect(await accepterDossier(db, actor, dossierId, "Dossier complet")).toMatchObject({ ok: true });
    expect(await attestationJobs(dossierId)).toHaveLength(1);
    // The default acceptance e-mail links to the attestation: publication asks nothing more.
    expect(await decisionMails(dossierId)).toEqual([
      expect.objectContaining({ template: "dossier_accepte", params: expect.objectContaining({ attestation: true }) }),
    ]);
    expect(await attestationBlockers(db, demarche)).toEqual([]);
    // A customised acceptance e-mail (written before the activation) must carry the link itself.
    await db.insert(mailTemplates).values({ demarcheId: demarche.id, kind: "closed", subject: "Accepté", body: "Bravo." });
    expect(await attestationBlockers(db, demarche)).toEqual([expect.objectContaining({ code: "mail_missing_link" })]);
    await db.delete(mailTemplates).where(eq(mailTemplates.demarcheId, demarche.id));
    expect(await generateAttestation(db, storage, { dossierId, appUrl: config.appUrl })).toBe("generated");

    const [row] = await db.select().from(attestations).where(eq(attestations.dossierId, dossierId));
    expect(row?.kind).toBe("acceptation");
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(row?.storageKey as string)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await readPdf(new Uint8Array(bytes));
    for (const text of [
      `Attestation d’acceptation n° ${dossierId}`,
      "Madame Berthier (US Brive) est acceptée.",
      "Motif : Dossier complet",
      "RÉPUBLIQUE",
      "Mairie de Brive",
    ]) {
      expect(pdf.text).toContain(text);
    }
    expect(pdf.info.Title).toBe(`Attestation d’acceptation n° ${dossierId}`);

    // The usager and the démarche's instructeurs find it; anyone else does not.
    expect((await findUsagerAttestation(db, usager.userId, dossierId)).storageKey).toBe(row?.storageKey);
    const instructeurId = (instructeurs[0] as { instructeurId: number }).instructeurId;
    expect((await findInstructeurAttestation(db, { instructeurId, demarcheId: demarche.id, dossierId })).kind).toBe(
      "acceptation",
    );
    const otherUsager = await buildUser(db);
    await expect(findUsagerAttestation(db, otherUsager.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    const elsewhere = await buildDemarche(db);
    const strangerId = (elsewhere.instructeurs[0] as { instructeurId: number }).instructeurId;
    await expect(
      findInstructeurAttestation(db, { instructeurId: strangerId, demarcheId: demarche.id, dossierId }),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(await repasserEnInstruction(db, actor, dossierId)).toMatchObject({ ok: true });
    expect(await db.select().from(attestations).where(eq(attestations.dossierId, dossierId))).toEqual([]);
    await expect(findUsagerAttestation(db, usager.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    // A job that runs late (after the dossier went back en instruction) keeps nothing.
    expect(await generateAttestation(db, storage, { dossierId, appUrl: config.appUrl })).toBe("not_applicable");
    expect(await db.select().from(attestations).where(eq(attestations.dossierId, dossierId))).toEqual([]);
  });

  it("generates nothing for a refusal when only the acceptance attestation is activated, nor when deactivated", async () => {
    const { db, config } = database;
    const { demarche, admin, dossierId, actor } = await setup();
    await saveAttestationTemplate(db, admin, demarche.id, "acceptation", TEMPLATE);
    await setAttestationActivation(db, admin, demarche.id, "acceptation", true);
    await passerEnInstruction(db, actor, dossierId);
    expect(await refuserDossier(db, actor, dossierId, "Incomplet")).toMatchObject({ ok: true });
    expect(await attestationJobs(dossierId)).toHaveLength(0);
    expect(await decisionMails(dossierId)).toEqual([
      expect.objectContaining({ template: "dossier_refuse", params: expect.objectContaining({ attestation: false }) }),
    ]);
    expect(await generateAttestation(db, storageFor(config), { dossierId, appUrl: config.appUrl })).toBe("not_applicable");

    const second = await setup();
    await saveAttestationTemplate(db, second.admin, second.demarche.id, "acceptation", TEMPLATE);
    await setAttestationActivation(db, second.admin, second.demarche.id, "acceptation", true);
    await setAttestationActivation(db, second.admin, second.demarche.id, "acceptation", false);
    await passerEnInstruction(db, second.actor, second.dossierId);
    await accepterDossier(db, second.actor, second.dossierId);
    expect(await attestationJobs(second.dossierId)).toHaveLength(0);
    expect(await decisionMails(second.dossierId)).toEqual([
      expect.objectContaining({ template: "dossier_accepte", params: expect.objectContaining({ attestation: false }) }),
    ]);
  });

  it("draws the signature of the dossier's groupe when it has one", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const imagesIn = async (dossierId: number) => {
      const [row] = await db.select().from(attestations).where(eq(attestations.dossierId, dossierId));
      const chunks: Buffer[] = [];
      for await (const chunk of await storage.get(row?.storageKey as string)) chunks.push(chunk as Buffer);
      return (
        Buffer.concat(chunks)
          .toString("latin1")
          .match(/\/Subtype \/Image/g)?.length ?? 0
      );
    };
    const decide = async (t: Awaited<ReturnType<typeof setup>>) => {
      await passerEnInstruction(db, t.actor, t.dossierId);
      await accepterDossier(db, t.actor, t.dossierId, "Dossier complet");
      expect(await generateAttestation(db, storage, { dossierId: t.dossierId, appUrl: config.appUrl })).toBe("generated");
      return imagesIn(t.dossierId);
    };
    const unsigned = await setup();
    expect(await saveAttestationTemplate(db, unsigned.admin, unsigned.demarche.id, "acceptation", TEMPLATE)).toEqual({
      ok: true,
    });
    expect(await setAttestationActivation(db, unsigned.admin, unsigned.demarche.id, "acceptation", true)).toEqual({ ok: true });
    const withoutSignature = await decide(unsigned);

    const signed = await setup();
    expect(await saveAttestationTemplate(db, signed.admin, signed.demarche.id, "acceptation", TEMPLATE)).toEqual({ ok: true });
    expect(await setAttestationActivation(db, signed.admin, signed.demarche.id, "acceptation", true)).toEqual({ ok: true });
    const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, signed.demarche.id));
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    expect(
      await setGroupeSignature(db, storage, signed.admin, signed.demarche.id, groupe?.id as number, {
        bytes: png,
        filename: "signature.png",
      }),
    ).toMatchObject({ ok: true });
    // The PNG (and its alpha mask) are drawn only for the signed groupe.
    expect(await decide(signed)).toBeGreaterThan(withoutSignature);
  });
});
