/**
 * What an attestation PDF draws, for one dossier (generation job) or a sample (admin preview):
 * the template's texts with the dossier's values, and its logo and signature read from storage.
 */
import type { Readable } from "node:stream";
import type { Locale } from "../../common/i18n/types";
import { translate } from "../../common/i18n";
import type { AttestationDocument } from "../documents/attestation-pdf";
import { defaultAttestationTemplate, renderAttestationTemplate } from "../domain/attestations/attestations";
import { formatDocumentDate } from "../domain/documents/dossier-document";
import type { TagDemarcheContext, TagDossierData } from "../domain/tags";
import { ObjectNotFoundError, type Storage } from "../integrations/storage";
import type { AttestationTemplateRow } from "./attestation-templates";

/** At most the images' limit (plus slack): a stored object is never read unbounded. */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export async function readStoredImage(storage: Storage, key: string | null): Promise<Buffer | null> {
  if (!key) return null;
  let stream: Readable;
  try {
    stream = await storage.get(key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return null;
    throw error;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMAGE_BYTES) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function buildAttestationDocument(
  storage: Storage,
  input: {
    template: Pick<
      AttestationTemplateRow,
      "kind" | "title" | "body" | "footer" | "officialLayout" | "logoKey" | "signatureKey"
    > | null;
    kind: AttestationTemplateRow["kind"];
    context: TagDemarcheContext;
    data: TagDossierData;
    demarche: { libelle: string; organisme: string | null };
    /** The signature of the dossier's groupe, drawn instead of the template's (routing: each groupe signs its own). */
    groupeSignatureKey?: string | null;
    locale: Locale;
    now: Date;
  },
): Promise<AttestationDocument> {
  const template = input.template ?? {
    ...defaultAttestationTemplate(input.kind, input.locale),
    officialLayout: true,
    logoKey: null,
    signatureKey: null,
  };
  return {
    text: renderAttestationTemplate(template, input.context, input.kind, input.data, input.locale),
    officialLayout: template.officialLayout,
    logo: await readStoredImage(storage, template.logoKey),
    signature: await readStoredImage(storage, input.groupeSignatureKey ?? template.signatureKey),
    header: { demarche: input.demarche.libelle, organisme: input.demarche.organisme },
    generatedAt: translate(input.locale, "attestations.pdf.generatedAt", { date: formatDocumentDate(input.now, input.locale) }),
  };
}
