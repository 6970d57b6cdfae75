/**
 * Gives a dossier one file of each kind the zip exports and archives hold besides field files: an
 * attestation, a decision's justificatif, a message attachment and an avis answer file.
 * Returns the bytes of each, to compare with what the zip holds.
 */
import { Readable } from "node:stream";
import type { Db } from "../../../server/db/client";
import { attachments, attestations, avis, commentaires, expertsProcedures } from "../../../server/db/schema";
import type { Storage } from "../../../server/integrations/storage";
import { buildUser } from "../../../server/seed/factories";

export async function giveDossierFiles(db: Db, storage: Storage, dossierId: number, demarcheId: number) {
  const put = async (text: string) => {
    const bytes = Buffer.from(text);
    const { key } = await storage.put(Readable.from([bytes]));
    return { bytes, key };
  };
  const attestation = await put(`%PDF-1.4 attestation ${dossierId}`);
  await db.insert(attestations).values({
    dossierId,
    kind: "acceptation",
    storageKey: attestation.key,
    byteSize: attestation.bytes.length,
    checksum: "0",
  });
  const attachment = async (text: string, filename: string, values: Partial<typeof attachments.$inferInsert>) => {
    const stored = await put(text);
    await db.insert(attachments).values({
      storageKey: stored.key,
      filename,
      contentType: "application/pdf",
      byteSize: stored.bytes.length,
      checksum: "0",
      purpose: "champ",
      ...values,
    });
    return stored.bytes;
  };
  const justificatif = await attachment(`justificatif ${dossierId}`, "motifs.pdf", { purpose: "justificatif", dossierId });
  const [message] = await db
    .insert(commentaires)
    .values({ dossierId, authorKind: "usager", email: "usager@example.org", body: "Voici la pièce." })
    .returning({ id: commentaires.id });
  const messageFile = await attachment(`message ${dossierId}`, "piece-message.pdf", {
    purpose: "message",
    dossierId,
    commentaireId: message?.id as number,
  });
  const expert = await buildUser(db, ["expert"]);
  const [procedure] = await db
    .insert(expertsProcedures)
    .values({ expertId: expert.expertId as number, demarcheId })
    .onConflictDoNothing()
    .returning();
  const [given] = await db
    .insert(avis)
    .values({ dossierId, expertsProcedureId: procedure?.id as number, introduction: "Votre avis ?", answer: "Favorable" })
    .returning({ id: avis.id });
  const avisFile = await attachment(`avis ${dossierId}`, "rapport-expert.pdf", {
    purpose: "avis_reponse",
    avisId: given?.id as number,
  });
  return { attestation: attestation.bytes, justificatif, messageFile, avisFile };
}
