/**
 * What the six dossier e-mails share: the parameters enqueued by `applyTransition`
 * ({dossierNumber, demarcheLibelle, motivation}), the link to the usager's dossier page, and the
 * layout (greeting, message, optional quoted motivation, link, signature).
 */
import { z } from "zod";
import { getT, type TranslationKey } from "../../../common/i18n";
import { composeMail, type MailBlock, type MailContent, type MailContext } from "../layout";

export const ZDossierMailParams = z.object({
  dossierNumber: z.coerce.number().int().positive(),
  demarcheLibelle: z.string(),
  motivation: z.string().nullish(),
});
export type DossierMailParams = z.infer<typeof ZDossierMailParams>;

/** The usager's page of the dossier. */
export function dossierUrl(appUrl: string, dossierNumber: number): string {
  return `${appUrl}/dossiers/${dossierNumber}`;
}

/** A démarche title goes into a subject line: no line breaks, bounded length. */
export function subjectPart(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

type DossierMailKind = "depose" | "passeEnInstruction" | "accepte" | "refuse" | "classeSansSuite" | "repasseEnInstruction";

/**
 * Renders one dossier e-mail: `body` and `after` are keys of `mail.dossier.<kind>`; the motivation,
 * when the kind has a `motivation` label and one was given, is quoted under that label.
 */
export function renderDossierMail(
  kind: DossierMailKind,
  params: DossierMailParams,
  { locale, appUrl }: MailContext,
  options: { after?: string; withMotivation?: boolean } = {},
): MailContent {
  const t = getT(locale);
  const key = (leaf: string) => `mail.dossier.${kind}.${leaf}` as TranslationKey;
  const vars = { number: params.dossierNumber, demarche: subjectPart(params.demarcheLibelle) };
  const blocks: MailBlock[] = [{ paragraph: t("mail.dossier.hello") }, { paragraph: t(key("body"), vars) }];
  const motivation = params.motivation?.trim();
  if (options.withMotivation && motivation) {
    blocks.push({ paragraph: t(key("motivation")) }, { quote: motivation });
  }
  if (options.after) blocks.push({ paragraph: t(key(options.after)) });
  blocks.push(
    { paragraph: t("mail.dossier.followUp") },
    { link: { label: t("mail.dossier.linkLabel"), url: dossierUrl(appUrl, params.dossierNumber) } },
  );
  return composeMail(t(key("subject"), vars), blocks, t("mail.dossier.signature"));
}
