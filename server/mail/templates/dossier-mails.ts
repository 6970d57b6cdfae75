/**
 * The seven e-mails a usager receives when their dossier changes state, as one table: each names the
 * translations it reads (`mail.dossier.<kind>`), whether the decision's motivation is quoted and
 * which paragraph follows. They share their parameters (enqueued by `applyTransition`), the link
 * to the usager's dossier page and the layout (greeting, message, quoted motivation, link, signature).
 */
import { z } from "zod";
import { getT, type TranslationKey } from "../../../common/i18n";
import { composeMail, type MailBlock, type MailContent, type MailContext } from "../layout";
import type { MailTemplate } from "../templates";

export const ZDossierMailParams = z.object({
  dossierNumber: z.coerce.number().int().positive(),
  demarcheLibelle: z.string(),
  motivation: z.string().nullish(),
  /** A decision whose attestation is activated: the e-mail links to it (as the reference's default e-mail does). */
  attestation: z.boolean().optional(),
});
export type DossierMailParams = z.infer<typeof ZDossierMailParams>;

interface DossierMailDefinition {
  /** Key under `mail.dossier` holding `subject`, `body` and the optional paragraphs. */
  kind:
    | "depose"
    | "modificationsDeposees"
    | "passeEnInstruction"
    | "accepte"
    | "refuse"
    | "classeSansSuite"
    | "repasseEnInstruction"
    | "decisionDisponible";
  /** A decision: its motivation, when one was given, is quoted under `mail.dossier.<kind>.motivation`. */
  withMotivation?: true;
  /** A decision that may come with an attestation (acceptance, refusal). */
  withAttestation?: true;
  /** Key under `mail.dossier.<kind>` of a paragraph after the message. */
  after?: "stillEditable" | "messages" | "next" | "acknowledge";
}

const DOSSIER_MAILS = {
  // Accusé de réception: en construction (sent on « Déposer le dossier »); still editable.
  dossier_depose: { kind: "depose", after: "stillEditable" },
  // Acknowledgement of the usager's re-submission en construction (« Déposer les modifications »).
  dossier_modifications_deposees: { kind: "modificationsDeposees", after: "stillEditable" },
  // En instruction: the usager can no longer change it.
  dossier_passe_en_instruction: { kind: "passeEnInstruction", after: "messages" },
  // Decisions; the motivation is optional for an acceptance, required otherwise.
  dossier_accepte: { kind: "accepte", withMotivation: true, withAttestation: true },
  dossier_refuse: { kind: "refuse", withMotivation: true, withAttestation: true },
  dossier_classe_sans_suite: { kind: "classeSansSuite", withMotivation: true },
  // The previous decision was withdrawn: en instruction again.
  dossier_repasse_en_instruction: { kind: "repasseEnInstruction", after: "next" },
  // Accusé de lecture: a decision was taken; which one is read on the dossier page once acknowledged.
  dossier_decision_disponible: { kind: "decisionDisponible", after: "acknowledge" },
} as const satisfies Record<string, DossierMailDefinition>;

export type DossierMailName = keyof typeof DOSSIER_MAILS;

/** The usager's page of the dossier. */
function dossierUrl(appUrl: string, dossierNumber: number): string {
  return `${appUrl}/dossiers/${dossierNumber}`;
}

/** A démarche title goes into a subject line: no line breaks, bounded length. */
function subjectPart(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function renderDossierMail(
  definition: DossierMailDefinition,
  params: DossierMailParams,
  { locale, appUrl }: MailContext,
): MailContent {
  const t = getT(locale);
  const key = (leaf: string) => `mail.dossier.${definition.kind}.${leaf}` as TranslationKey;
  const vars = { number: params.dossierNumber, demarche: subjectPart(params.demarcheLibelle) };
  const blocks: MailBlock[] = [];
  blocks.push({ paragraph: t("mail.dossier.hello") }, { paragraph: t(key("body"), vars) });
  const motivation = params.motivation?.trim();
  if (definition.withMotivation && motivation) {
    blocks.push({ paragraph: t(key("motivation")) }, { quote: motivation });
  }
  if (definition.after) blocks.push({ paragraph: t(key(definition.after)) });
  if (definition.withAttestation && params.attestation) {
    blocks.push(
      { paragraph: t("mail.dossier.attestation") },
      {
        link: { label: t("mail.dossier.attestationLabel"), url: `${dossierUrl(appUrl, params.dossierNumber)}/attestation` },
      },
    );
  }
  blocks.push(
    { paragraph: t("mail.dossier.followUp") },
    { link: { label: t("mail.dossier.linkLabel"), url: dossierUrl(appUrl, params.dossierNumber) } },
  );
  return composeMail(t(key("subject"), vars), blocks, t("mail.dossier.signature"));
}

/** One mail template per row of the table, registered in `MAIL_TEMPLATES`. */
export const DOSSIER_MAIL_TEMPLATES = Object.fromEntries(
  Object.entries(DOSSIER_MAILS).map(([name, definition]) => [
    name,
    {
      params: ZDossierMailParams,
      render: (params: DossierMailParams, ctx: MailContext) => renderDossierMail(definition, params, ctx),
    } satisfies MailTemplate<typeof ZDossierMailParams>,
  ]),
) as Record<DossierMailName, MailTemplate<typeof ZDossierMailParams>>;

/**
 * The text of a state e-mail, as its copy in the dossier's messagerie shows it (the system
 * message): the message and the quoted motivation, in the usager's language.
 */
export function dossierMailText(name: DossierMailName, params: DossierMailParams, locale: MailContext["locale"]): string {
  const definition: DossierMailDefinition = DOSSIER_MAILS[name];
  const t = getT(locale);
  const key = (leaf: string) => `mail.dossier.${definition.kind}.${leaf}` as TranslationKey;
  const vars = { number: params.dossierNumber, demarche: subjectPart(params.demarcheLibelle) };
  const parts = [t(key("body"), vars)];
  const motivation = params.motivation?.trim();
  if (definition.withMotivation && motivation) parts.push(t(key("motivation")), motivation);
  return parts.join("\n\n");
}
