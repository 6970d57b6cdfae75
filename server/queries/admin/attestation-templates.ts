/**
 * The démarche's attestations for its administrateurs: each kind's saved (or default) texts,
 * options, images, activation and problems (bad tags, decision e-mail without the link), the
 * tags the picker offers, the dossiers to preview with; and the preview PDF's content. Scoped:
 * another administrateur gets 404.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { ATTESTATION_TEMPLATE_KINDS, type AttestationTemplateKind } from "../../../common/attestations";
import type { Locale } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { dossiers } from "../../db/schema";
import type { AttestationDocument } from "../../documents/attestation-pdf";
import {
  ATTESTATION_MAIL_KIND,
  ATTESTATION_TAG_KIND,
  attestationKindForState,
  attestationTemplateProblems,
  defaultAttestationTemplate,
  mentionsAttestationLink,
} from "../../domain/attestations/attestations";
import { availableTags, sampleTagDossierData, tagText } from "../../domain/tags";
import { NotFoundError } from "../../errors";
import type { Storage } from "../../integrations/storage";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { buildAttestationDocument } from "../../lookups/attestation-document";
import { findAttestationTemplate, listAttestationTemplates } from "../../lookups/attestation-templates";
import { listMailTemplates, loadTagDemarcheContext, loadTagDossierData } from "../../lookups/template-tags";

export const PREVIEW_DOSSIERS_LIMIT = 20;

export async function attestationTemplatesEditor(db: DbOrTx, administrateurId: number, demarcheId: number, locale: Locale) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const context = await loadTagDemarcheContext(db, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
  const saved = await listAttestationTemplates(db, demarche.id);
  const mails = await listMailTemplates(db, demarche.id);
  const previewDossiers = await db
    .select({ id: dossiers.id, state: dossiers.state, forTest: dossiers.forTest })
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarche.id), inArray(dossiers.state, ["accepte", "refuse"])))
    .orderBy(desc(dossiers.id))
    .limit(PREVIEW_DOSSIERS_LIMIT);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    templates: ATTESTATION_TEMPLATE_KINDS.map((kind) => {
      const row = saved.get(kind);
      const texts = row ?? defaultAttestationTemplate(kind, locale);
      const mail = mails.get(ATTESTATION_MAIL_KIND[kind]);
      return {
        kind,
        saved: row !== undefined,
        activated: row?.activated ?? false,
        officialLayout: row?.officialLayout ?? true,
        title: texts.title,
        body: texts.body,
        footer: texts.footer,
        hasLogo: Boolean(row?.logoKey),
        hasSignature: Boolean(row?.signatureKey),
        problems: row ? attestationTemplateProblems(row, context, kind).map((p) => ({ code: p.code, tag: tagText(p.tag) })) : [],
        mailKind: ATTESTATION_MAIL_KIND[kind],
        mailHasLink: mail !== undefined && mentionsAttestationLink(`${mail.subject}\n${mail.body}`),
        tags: availableTags(context, ATTESTATION_TAG_KIND[kind]).map((tag) => ({
          text: tagText(tag.libelle),
          category: tag.category,
          description: tag.description ?? null,
        })),
        previewDossiers: previewDossiers.filter((d) => attestationKindForState(d.state) === kind),
      };
    }),
  };
}

/**
 * The saved (or default) attestation drawn with one of the démarche's dossiers of that decision,
 * or a sample dossier when `dossierId` is null. A dossier of another démarche or another
 * decision is a 404.
 */
export async function previewAttestation(
  db: DbOrTx,
  storage: Storage,
  input: { administrateurId: number; demarcheId: number; kind: AttestationTemplateKind; dossierId: number | null },
  options: { locale: Locale; appUrl: string; now: Date },
): Promise<AttestationDocument> {
  const demarche = await findAdministrableDemarche(db, input.administrateurId, input.demarcheId);
  const template = await findAttestationTemplate(db, demarche.id, input.kind);
  const info = { libelle: demarche.libelle, organisme: null };
  if (input.dossierId === null) {
    const context = await loadTagDemarcheContext(db, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
    const data = sampleTagDossierData(
      context,
      { libelle: demarche.libelle, serviceName: null },
      ATTESTATION_TAG_KIND[input.kind],
      options.appUrl,
      options.now,
      options.locale,
    );
    return buildAttestationDocument(storage, { template, kind: input.kind, context, data, demarche: info, ...options });
  }
  const loaded = await loadTagDossierData(db, input.dossierId, options.appUrl);
  if (!loaded || loaded.demarche.id !== demarche.id || attestationKindForState(loaded.data.state) !== input.kind) {
    throw new NotFoundError("Dossier");
  }
  const context = await loadTagDemarcheContext(db, loaded.demarche, loaded.revisionId);
  return buildAttestationDocument(storage, {
    template,
    kind: input.kind,
    context,
    data: loaded.data,
    demarche: info,
    ...options,
  });
}
