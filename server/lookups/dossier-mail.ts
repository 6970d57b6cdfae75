/**
 * The customised version of a dossier's state e-mail, when the démarche has one: the template of
 * `mail_templates` rendered with the dossier's values (escaped), its links starting with
 * `APP_URL_TOKEN`. Read by the reactions that send the e-mail and copy it into the messagerie.
 */
import type { DbOrTx } from "../db/client";
import {
  APP_URL_TOKEN,
  MAIL_TEMPLATE_OF_DOSSIER_MAIL,
  type RenderedMailTemplate,
  renderMailTemplate,
} from "../domain/mail-templates/mail-templates";
import type { Locale } from "../../common/i18n";
import { findMailTemplate, loadTagDemarcheContext, loadTagDossierData } from "./template-tags";

/** Null: the built-in e-mail applies (no template for this e-mail, none customised, no dossier). */
export async function customDossierMail(
  db: DbOrTx,
  dossierId: number,
  mailName: string,
  locale: Locale,
): Promise<(RenderedMailTemplate & { kind: string }) | null> {
  if (!Object.hasOwn(MAIL_TEMPLATE_OF_DOSSIER_MAIL, mailName)) return null;
  const kind = MAIL_TEMPLATE_OF_DOSSIER_MAIL[mailName as keyof typeof MAIL_TEMPLATE_OF_DOSSIER_MAIL];
  const loaded = await loadTagDossierData(db, dossierId, APP_URL_TOKEN);
  if (!loaded) return null;
  const template = await findMailTemplate(db, loaded.demarche.id, kind);
  if (!template) return null;
  const demarche = await loadTagDemarcheContext(db, loaded.demarche, loaded.revisionId);
  return { kind, ...renderMailTemplate(template, demarche, kind, loaded.data, locale) };
}
