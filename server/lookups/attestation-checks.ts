/**
 * What the démarche's activated attestations require before publication: their tags valid
 * against the draft form, and the matching decision e-mail (accepté, refusé), when customised,
 * carrying `--lien attestation--` (the reference's warning: otherwise the usager never gets the link).
 * The default e-mail links to the attestation by itself.
 */
import { eq } from "drizzle-orm";
import { ATTESTATION_TEMPLATE_KINDS, type AttestationTemplateKind } from "../../common/attestations";
import type { DbOrTx } from "../db/client";
import { demarches } from "../db/schema";
import {
  ATTESTATION_LINK_TAG,
  ATTESTATION_MAIL_KIND,
  attestationTemplateProblems,
  mentionsAttestationLink,
} from "../domain/attestations/attestations";
import { tagText } from "../domain/tags";
import { listAttestationTemplates } from "./attestation-templates";
import { listMailTemplates, loadTagDemarcheContext } from "./template-tags";

export type AttestationBlocker =
  | { kind: AttestationTemplateKind; code: "tag_unknown" | "tag_unavailable"; tag: string }
  | { kind: AttestationTemplateKind; code: "mail_missing_link"; tag: string };

export async function attestationBlockers(
  db: DbOrTx,
  demarche: { id: number; draftRevisionId: number | null; publishedRevisionId?: number | null },
): Promise<AttestationBlocker[]> {
  const templates = await listAttestationTemplates(db, demarche.id);
  const activated = ATTESTATION_TEMPLATE_KINDS.filter((kind) => templates.get(kind)?.activated);
  if (activated.length === 0) return [];
  const [row] = await db.select({ forIndividual: demarches.forIndividual }).from(demarches).where(eq(demarches.id, demarche.id));
  const context = await loadTagDemarcheContext(
    db,
    { id: demarche.id, forIndividual: row?.forIndividual ?? true },
    demarche.draftRevisionId ?? demarche.publishedRevisionId ?? null,
  );
  const mails = await listMailTemplates(db, demarche.id);
  const blockers: AttestationBlocker[] = [];
  for (const kind of activated) {
    const template = templates.get(kind);
    if (!template) continue;
    for (const p of attestationTemplateProblems(template, context, kind))
      blockers.push({ kind, code: p.code, tag: tagText(p.tag) });
    const mail = mails.get(ATTESTATION_MAIL_KIND[kind]);
    if (mail && !mentionsAttestationLink(`${mail.subject}\n${mail.body}`)) {
      blockers.push({ kind, code: "mail_missing_link", tag: tagText(ATTESTATION_LINK_TAG) });
    }
  }
  return blockers;
}
