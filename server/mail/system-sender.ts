/**
 * The address the platform's own messages come from, as the reference shows it for the automatic
 * messages of a thread (its contact address): `CONTACT_EMAIL` when set, otherwise the address part of
 * `MAIL_FROM` (« Guichet <ne-pas-repondre@…> » → « ne-pas-repondre@… »).
 */
export function systemSenderAddress(config: { mailFrom: string; legal: { contactEmail: string | null } }): string {
  if (config.legal.contactEmail) return config.legal.contactEmail;
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(config.mailFrom);
  return bracketed?.[1] ?? config.mailFrom.trim();
}
