/**
 * What the tag system (`server/domain/tags`) reads from the database: a démarche's tag context
 * (its kind of usager, routing, a revision's fields) and one dossier's values. Shared by the
 * e-mail templates (admin pages, state e-mails) and the attestations.
 */
import { readSvaSvr, svaSvrEnabled } from "../domain/special/sva-svr";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { champs, demarches, dossiers, groupesInstructeurs, mailTemplates, services } from "../db/schema";
import type { JsonValue } from "../domain/champs/definition";
import { MAIN_STREAM } from "../domain/dossier/streams";
import { champKey } from "../domain/form/keys";
import type { MailTemplateText } from "../domain/mail-templates/mail-templates";
import type { MailTemplateKind, TagDemarcheContext, TagDossierData } from "../domain/tags";

/** The démarche's tag context for a revision (public fields then annotations). */
export async function loadTagDemarcheContext(
  db: DbOrTx,
  /** `svaSvr`: the démarche's setting when the caller has read it (else it is read here). */
  demarche: { id: number; forIndividual: boolean; svaSvr?: unknown },
  revisionId: number | null,
): Promise<TagDemarcheContext> {
  // One after the other: inside a transaction they share one connection.
  const publicFields = revisionId ? await loadRevisionChamps(db, revisionId) : [];
  const annotations = revisionId ? await loadRevisionChamps(db, revisionId, { private: true }) : [];
  const [groupes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, demarche.id));
  const special =
    demarche.svaSvr !== undefined
      ? { svaSvr: demarche.svaSvr }
      : (await db.select({ svaSvr: demarches.svaSvr }).from(demarches).where(eq(demarches.id, demarche.id)))[0];
  return {
    forIndividual: demarche.forIndividual,
    routingEnabled: (groupes?.n ?? 0) > 1,
    // `--date prévisionnelle SVA/SVR--` exists on SVA/SVR démarches only.
    svaSvr: svaSvrEnabled(readSvaSvr(special?.svaSvr)),
    fields: [...publicFields, ...annotations],
  };
}

/** One dossier's tag values; links start with `appUrl` (or `APP_URL_TOKEN`). Null: no such dossier. */
export async function loadTagDossierData(db: DbOrTx, dossierId: number, appUrl: string) {
  const [row] = await db
    .select({
      dossier: dossiers,
      demarcheId: demarches.id,
      libelle: demarches.libelle,
      forIndividual: demarches.forIndividual,
      svaSvr: demarches.svaSvr,
      groupe: groupesInstructeurs.label,
      serviceName: services.nom,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .leftJoin(services, eq(services.id, demarches.serviceId))
    .leftJoin(groupesInstructeurs, eq(groupesInstructeurs.id, dossiers.groupeInstructeurId))
    .where(eq(dossiers.id, dossierId));
  if (!row) return null;
  const values = await db
    .select({ stableId: champs.stableId, rowId: champs.rowId, value: champs.value })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, MAIN_STREAM)));
  const d = row.dossier;
  const data: TagDossierData = {
    number: d.id,
    state: d.state,
    deposeAt: d.deposeAt,
    enInstructionAt: d.enInstructionAt,
    processedAt: d.processedAt,
    updatedAt: d.updatedAt,
    motivation: d.motivation,
    demarche: { libelle: row.libelle, serviceName: row.serviceName },
    individual: row.forIndividual ? { civilite: d.civilite, nom: d.nom, prenom: d.prenom } : null,
    // Personnes morales: no établissement is stored yet, their tags render empty.
    entreprise: null,
    groupeInstructeur: row.groupe,
    // A day (Paris): noon UTC is that day in Paris whatever the season.
    svaSvrDecisionOn: d.svaSvrDecisionOn ? new Date(`${d.svaSvrDecisionOn}T12:00:00Z`) : null,
    links: { dossier: `${appUrl}/dossiers/${d.id}`, attestation: null, justificatif: null },
    champs: new Map(values.map((v) => [champKey(v.stableId, v.rowId), v.value as JsonValue])),
  };
  return {
    data,
    demarche: { id: row.demarcheId, forIndividual: row.forIndividual, svaSvr: row.svaSvr },
    revisionId: d.revisionId,
  };
}

/** The démarche's customised template of this kind, or null (the built-in e-mail is sent). */
export async function findMailTemplate(db: DbOrTx, demarcheId: number, kind: MailTemplateKind): Promise<MailTemplateText | null> {
  const [row] = await db
    .select({ subject: mailTemplates.subject, body: mailTemplates.body })
    .from(mailTemplates)
    .where(and(eq(mailTemplates.demarcheId, demarcheId), eq(mailTemplates.kind, kind)));
  return row ?? null;
}

/** Every customised template of the démarche, by kind. */
export async function listMailTemplates(db: DbOrTx, demarcheId: number) {
  const rows = await db
    .select({
      kind: mailTemplates.kind,
      subject: mailTemplates.subject,
      body: mailTemplates.body,
      updatedAt: mailTemplates.updatedAt,
    })
    .from(mailTemplates)
    .where(eq(mailTemplates.demarcheId, demarcheId));
  return new Map(rows.map((r) => [r.kind, r]));
}
