import { route, type RouteConfigEntry } from "@react-router/dev/routes";

/** Development-only pages (each loader answers 404 unless `config.mailboxEnabled`: see MAILBOX_ENABLED in server/config.ts). */
export const devRoutes: RouteConfigEntry[] = [
  route("mailbox", "routes/dev/mailbox.tsx"),
  route("mailbox/:id", "routes/dev/mailbox-message.tsx"),
];
