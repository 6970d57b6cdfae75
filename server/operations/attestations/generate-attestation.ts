/**
 * Generates a dossier's attestation (the reference's AttestationPdfGenerationJob): when the
 * dossier is accepté (refusé) and its démarche's attestation of that kind is activated, the
 * template is rendered with the dossier's values (tags of the dossier's own revision), drawn as a
 * PDF, stored, and recorded as the dossier's attestation (replacing an earlier one). If the
 * dossier left that state meanwhile (repassé en instruction), nothing is kept. French: an
 * attestation is an administrative document, the same for everyone who reads it.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attestations, dossiers } from "../../db/schema";
import { attestationPdfOptions, drawAttestation } from "../../documents/attestation-pdf";
import { pdfBytes } from "../../documents/pdf";
import { attestationKindForState } from "../../domain/attestations/attestations";
import type { Storage } from "../../integrations/storage";
import { buildAttestationDocument } from "../../lookups/attestation-document";
import { findAttestationTemplate } from "../../lookups/attestation-templates";
import { groupeSignatureFor } from "../../lookups/groupe-signature";
import { serviceForDossier } from "../../lookups/own-service";
import { loadTagDemarcheContext, loadTagDossierData } from "../../lookups/template-tags";

export type GenerateAttestationOutcome = "generated" | "not_applicable";

export async function generateAttestation(
  db: Db,
  storage: Storage,
  input: { dossierId: number; appUrl: string; now?: Date },
): Promise<GenerateAttestationOutcome> {
  const loaded = await loadTagDossierData(db, input.dossierId, input.appUrl);
  if (!loaded) return "not_applicable";
  const kind = attestationKindForState(loaded.data.state);
  if (!kind) return "not_applicable";
  const template = await findAttestationTemplate(db, loaded.demarche.id, kind);
  if (!template?.activated) return "not_applicable";
  const context = await loadTagDemarcheContext(db, loaded.demarche, loaded.revisionId);
  const locale = "fr" as const;
  const service = await serviceForDossier(db, input.dossierId);
  const document = await buildAttestationDocument(storage, {
    template,
    kind,
    context,
    data: loaded.data,
    demarche: { libelle: loaded.data.demarche.libelle, organisme: service?.organisme ?? null },
    groupeSignatureKey: (await groupeSignatureFor(db, input.dossierId))?.storageKey ?? null,
    locale,
    now: input.now ?? new Date(),
  });
  const bytes = await pdfBytes((doc) => drawAttestation(doc, document, locale), attestationPdfOptions(document, locale));
  const { key } = await storage.put(Readable.from([bytes]));
  const replaced = await db
    .transaction(async (tx) => {
      const [dossier] = await tx
        .select({ state: dossiers.state })
        .from(dossiers)
        .where(eq(dossiers.id, input.dossierId))
        .for("update");
      // Went back en instruction (or changed decision) while the PDF was drawn.
      if (!dossier || attestationKindForState(dossier.state) !== kind) return null;
      const [previous] = await tx
        .select({ key: attestations.storageKey })
        .from(attestations)
        .where(eq(attestations.dossierId, input.dossierId));
      const row = {
        kind,
        storageKey: key,
        byteSize: bytes.length,
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
      await tx
        .insert(attestations)
        .values({ dossierId: input.dossierId, ...row })
        .onConflictDoUpdate({ target: attestations.dossierId, set: { ...row, createdAt: new Date() } });
      return { previous: previous?.key ?? null };
    })
    .catch(async (error: unknown) => {
      await storage.delete(key);
      throw error;
    });
  if (replaced === null) {
    await storage.delete(key);
    return "not_applicable";
  }
  if (replaced.previous && replaced.previous !== key) await storage.delete(replaced.previous);
  return "generated";
}
