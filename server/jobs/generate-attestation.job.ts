/** Draws and stores a dossier's attestation after its acceptance or refusal (reaction `attestations`). */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import { generateAttestation } from "../operations/attestations/generate-attestation";
import type { JobDefinition } from "./registry";

const ZGenerateAttestation = z.object({ dossierId: z.number().int().positive() });

export const generateAttestationJob = {
  payload: ZGenerateAttestation,
  async run({ dossierId }, { db, config, logger }) {
    const outcome = await generateAttestation(db, storageFor(config), { dossierId, appUrl: config.appUrl });
    logger.info({ dossierId, outcome }, "attestation");
  },
} satisfies JobDefinition<typeof ZGenerateAttestation>;
