import { useT } from "../lib/i18n";

/** The notices a redirect may leave for the next page (app/lib/flash.server.ts). */
export const FLASH_NOTICES = ["email_confirmed", "france_connect_linked"] as const;
export type FlashNotice = (typeof FLASH_NOTICES)[number];

/** The one-time notice of a redirect (see flash.server.ts), as a DSFR success alert. */
export function FlashNoticeAlert({ notice }: { notice: FlashNotice }) {
  const t = useT();
  return (
    <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-4w" role="status">
      <p>{t(`common.flash.${notice}`)}</p>
    </div>
  );
}
