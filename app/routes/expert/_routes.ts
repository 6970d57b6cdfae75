import { layout, route, type RouteConfigEntry } from "@react-router/dev/routes";

/**
 * The expert's space (the reference's /expert/avis): the layout admits experts only (an anonymous
 * visitor signs in and comes back, as from the avis e-mail's link); each page scopes to the avis
 * addressed to them.
 */
export const expertRoutes: RouteConfigEntry[] = [
  layout("routes/expert/layout.tsx", [
    route("avis", "routes/expert/avis-list.tsx"),
    route("avis/:avisId", "routes/expert/avis.tsx"),
    route("avis/:avisId/messagerie", "routes/expert/avis-messagerie.tsx"),
  ]),
];
