/**
 * The decision's justificatif and the accusé de lecture (ds-behaviour §2.8): while the démarche's
 * accusé de lecture is on and the usager has not acknowledged the decision, the download itself
 * refuses the usager (404, as for a file that does not exist), not only the link; the dossier's
 * instructeurs always read it; once acknowledged, the usager does too.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, demarches, dossiers } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { findDownloadableAttachment } from "../../../server/operations/attachments/find-downloadable-attachment";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe("justificatif download with the accusé de lecture", () => {
  it("refuses the usager until the decision is acknowledged; instructeurs always read it", async () => {
    const { db } = database;
    const built = await buildDemarche(db);
    await db.update(demarches).set({ accuseLecture: true }).where(eq(demarches.id, built.demarche.id));
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, {
      demarche: { id: built.demarche.id, path: built.path },
      usager,
      state: "accepte",
    });
    const id = randomUUID();
    await db.insert(attachments).values({
      id,
      storageKey: `test/${id}`,
      filename: "justificatif.pdf",
      contentType: "application/pdf",
      byteSize: 10,
      checksum: "0".repeat(64),
      purpose: "justificatif",
      dossierId,
    });
    const usagerViewer = { userId: usager.userId, administrateurId: null, instructeurId: null };
    const instructeur = built.instructeurs[0];
    if (!instructeur) throw new Error("no instructeur");
    const instructeurViewer = {
      userId: instructeur.userId,
      administrateurId: null,
      instructeurId: instructeur.instructeurId as number,
    };

    await expect(findDownloadableAttachment(db, usagerViewer, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await findDownloadableAttachment(db, instructeurViewer, id)).id).toBe(id);
    // Another usager never.
    const stranger = await buildUser(db);
    const strangerViewer = { userId: stranger.userId, administrateurId: null, instructeurId: null };
    await expect(findDownloadableAttachment(db, strangerViewer, id)).rejects.toBeInstanceOf(NotFoundError);

    await db.update(dossiers).set({ accuseLectureAgreementAt: new Date() }).where(eq(dossiers.id, dossierId));
    expect((await findDownloadableAttachment(db, usagerViewer, id)).id).toBe(id);
    await expect(findDownloadableAttachment(db, strangerViewer, id)).rejects.toBeInstanceOf(NotFoundError);

    // Without the accusé de lecture, the usager reads it at once.
    await db.update(dossiers).set({ accuseLectureAgreementAt: null }).where(eq(dossiers.id, dossierId));
    await db.update(demarches).set({ accuseLecture: false }).where(eq(demarches.id, built.demarche.id));
    expect((await findDownloadableAttachment(db, usagerViewer, id)).id).toBe(id);
  });
});
