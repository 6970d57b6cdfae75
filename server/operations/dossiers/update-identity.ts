import { reindexDossier } from "./index-dossier";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse, refuseFields } from "../../refusal";
import { findUsagerDossier } from "../../lookups/scoped-dossier";

export const ZIdentity = z.object({
  civilite: z.enum(["M.", "Mme"], { message: "civilite_required" }),
  nom: z.string().trim().min(1, { message: "nom_required" }).max(200, { message: "too_long" }),
  prenom: z.string().trim().min(1, { message: "prenom_required" }).max(200, { message: "too_long" }),
});

/** Filing for a bénéficiaire: the mandataire's names, and optionally the bénéficiaire's e-mail (copies of the state e-mails). */
export const ZMandataire = z.object({
  mandataireFirstName: z.string().trim().min(1, { message: "mandataire_prenom_required" }).max(200, { message: "too_long" }),
  mandataireLastName: z.string().trim().min(1, { message: "mandataire_nom_required" }).max(200, { message: "too_long" }),
  beneficiaireEmail: z
    .string()
    .trim()
    .max(320, { message: "too_long" })
    .refine((v) => v === "" || z.string().email().safeParse(v).success, { message: "beneficiaire_email_invalid" }),
});

export interface IdentityInput {
  civilite: unknown;
  nom: unknown;
  prenom: unknown;
  /** "true" when the usager files for someone else (only on démarches that allow it). */
  forTiers?: unknown;
  mandataireFirstName?: unknown;
  mandataireLastName?: unknown;
  beneficiaireEmail?: unknown;
}

/**
 * Identity of the demandeur (natural person), editable while the usager can still edit the dossier.
 * On a démarche with « pour un tiers », the usager may file as mandataire: then civilité, nom and
 * prénom are the bénéficiaire's, and the mandataire's names are required (the reference's `for_tiers`).
 */
export async function updateIdentity(
  db: Db,
  userId: number,
  dossierId: number,
  input: IdentityInput,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Ownership first: someone else's dossier is a 404 whatever they sent.
    const { dossier, demarche } = await findUsagerDossier(tx, userId, dossierId, true);
    if (dossier.state !== "brouillon" && dossier.state !== "en_construction") return refuse("read_only", "form");
    const forTiers = demarche.forTiersEnabled && input.forTiers === "true";
    const errors: Record<string, string> = {};
    const parsed = ZIdentity.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    const mandataire = forTiers
      ? ZMandataire.safeParse({
          mandataireFirstName: input.mandataireFirstName ?? "",
          mandataireLastName: input.mandataireLastName ?? "",
          beneficiaireEmail: input.beneficiaireEmail ?? "",
        })
      : null;
    if (mandataire && !mandataire.success) {
      for (const issue of mandataire.error.issues) errors[String(issue.path[0])] ??= issue.message;
    }
    if (!parsed.success || (mandataire && !mandataire.success)) return refuseFields(errors);
    const tiers = mandataire?.success ? mandataire.data : null;
    await tx
      .update(dossiers)
      .set({
        ...(parsed.data as z.infer<typeof ZIdentity>),
        forTiers,
        mandataireFirstName: tiers?.mandataireFirstName ?? null,
        mandataireLastName: tiers?.mandataireLastName ?? null,
        beneficiaireEmail: tiers?.beneficiaireEmail ? tiers.beneficiaireEmail : null,
        identityUpdatedAt: sql`now()`,
        updatedAt: sql`now()`,
        lockVersion: sql`${dossiers.lockVersion} + 1`,
      })
      .where(eq(dossiers.id, dossierId));
    if (forTiers !== dossier.forTiers) {
      await recordEvent(tx, {
        kind: "dossier.mandataire_modifie",
        demarcheId: dossier.demarcheId,
        dossierId,
        actor: "usager",
        actorUserId: userId,
        payload: { forTiers },
      });
    }
    if (dossier.state === "en_construction") await reindexDossier(tx, dossierId);
    return { ok: true };
  });
}
