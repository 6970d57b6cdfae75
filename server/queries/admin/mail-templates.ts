/**
 * The démarche's state e-mails for its administrateurs: the list (customised or default, tag
 * problems), one e-mail's editor (current text, default text, the tags it may use, dossiers to
 * preview with) and its preview. Scoped: another administrateur gets 404.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { dossiers } from "../../db/schema";
import {
  defaultMailTemplate,
  type MailTemplateText,
  mailTemplateProblems,
  renderMailTemplate,
} from "../../domain/mail-templates/mail-templates";
import {
  availableTags,
  MAIL_TEMPLATE_KINDS,
  type MailTemplateKind,
  sampleTagDossierData,
  type TagDemarcheContext,
  tagText,
} from "../../domain/tags";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { findMailTemplate, listMailTemplates, loadTagDemarcheContext, loadTagDossierData } from "../../lookups/template-tags";

/** Dossiers offered for the preview, newest first. */
export const PREVIEW_DOSSIERS_LIMIT = 20;

async function demarcheAndContext(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const context = await loadTagDemarcheContext(db, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
  return { demarche, context };
}

export async function listDemarcheMailTemplates(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const { demarche, context } = await demarcheAndContext(db, administrateurId, demarcheId);
  const custom = await listMailTemplates(db, demarche.id);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    templates: MAIL_TEMPLATE_KINDS.map((kind) => {
      const row = custom.get(kind);
      return {
        kind,
        customised: row !== undefined,
        updatedAt: row?.updatedAt ?? null,
        problems: row ? mailTemplateProblems(row, context, kind).map((p) => ({ code: p.code, tag: tagText(p.tag) })) : [],
      };
    }),
  };
}

function pickerTags(context: TagDemarcheContext, kind: MailTemplateKind) {
  return availableTags(context, kind).map((tag) => ({
    text: tagText(tag.libelle),
    category: tag.category,
    description: tag.description ?? null,
  }));
}

export async function mailTemplateEditor(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  kind: MailTemplateKind,
  locale: Locale,
) {
  const { demarche, context } = await demarcheAndContext(db, administrateurId, demarcheId);
  const saved = await findMailTemplate(db, demarche.id, kind);
  const previewDossiers = await db
    .select({ id: dossiers.id, state: dossiers.state, forTest: dossiers.forTest })
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarche.id), ne(dossiers.state, "brouillon")))
    .orderBy(desc(dossiers.id))
    .limit(PREVIEW_DOSSIERS_LIMIT);
  const fallback = defaultMailTemplate(kind, locale);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    kind,
    customised: saved !== null,
    template: saved ?? fallback,
    problems: saved ? mailTemplateProblems(saved, context, kind).map((p) => ({ code: p.code, tag: tagText(p.tag) })) : [],
    tags: pickerTags(context, kind),
    previewDossiers,
  };
}

/**
 * The saved (or default) template rendered with one of the démarche's dossiers (not a brouillon),
 * or with a sample dossier when `dossierId` is null. A dossier of another démarche is a 404.
 */
export async function previewMailTemplate(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  kind: MailTemplateKind,
  dossierId: number | null,
  options: { locale: Locale; appUrl: string; now: Date },
) {
  const { demarche, context } = await demarcheAndContext(db, administrateurId, demarcheId);
  const template: MailTemplateText = (await findMailTemplate(db, demarche.id, kind)) ?? defaultMailTemplate(kind, options.locale);
  if (dossierId === null) {
    const data = sampleTagDossierData(
      context,
      { libelle: demarche.libelle, serviceName: null },
      kind,
      options.appUrl,
      options.now,
      options.locale,
    );
    return { dossierId: null, ...renderMailTemplate(template, context, kind, data, options.locale) };
  }
  const loaded = await loadTagDossierData(db, dossierId, options.appUrl);
  if (!loaded || loaded.demarche.id !== demarche.id || loaded.data.state === "brouillon") throw new NotFoundError("Dossier");
  // The dossier's own revision: the fields it was filled with.
  const dossierContext = await loadTagDemarcheContext(db, loaded.demarche, loaded.revisionId);
  return { dossierId, ...renderMailTemplate(template, dossierContext, kind, loaded.data, options.locale) };
}
