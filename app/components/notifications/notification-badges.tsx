/** Notification badges (most important first), as small DSFR badges; routes declare `notifications`. */
import type { NotificationType } from "../../../server/domain/notifications/notifications";
import { useT } from "../../lib/i18n";

export function NotificationBadges({ types }: { types: readonly NotificationType[] }) {
  const t = useT();
  if (types.length === 0) return null;
  return (
    <ul className="fr-badges-group" aria-label={t("notifications.badges.listLabel")}>
      {types.map((type) => (
        <li key={type}>
          <p className="fr-badge fr-badge--sm fr-badge--new" data-notification={type}>
            {t(`notifications.badges.types.${type}`)}
          </p>
        </li>
      ))}
    </ul>
  );
}
