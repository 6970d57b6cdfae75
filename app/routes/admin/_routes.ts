import { layout, route, type RouteConfigEntry } from "@react-router/dev/routes";

/** The administrateur's space: the layout admits administrateurs only; each page scopes the démarche to them. */
export const adminRoutes: RouteConfigEntry[] = [
  layout("routes/admin/layout.tsx", [
    route("admin", "routes/admin/index.tsx"),
    route("admin/procedures", "routes/admin/procedures.tsx"),
    route("admin/procedures/new", "routes/admin/procedure-new.tsx"),
    route("admin/procedures/:id", "routes/admin/procedure.tsx"),
    route("admin/procedures/:id/edit", "routes/admin/procedure-edit.tsx"),
    route("admin/procedures/:id/service", "routes/admin/procedure-service.tsx"),
    route("admin/services", "routes/admin/services.tsx"),
    route("admin/services/nouveau", "routes/admin/service-edit.tsx", { id: "routes/admin/service-new" }),
    route("admin/services/:serviceId", "routes/admin/service-edit.tsx"),
    route("admin/procedures/:id/champs", "routes/admin/champs.tsx"),
    route("admin/procedures/:id/ineligibilite", "routes/admin/ineligibilite.tsx"),
    route("admin/procedures/:id/annotations", "routes/admin/annotations.tsx"),
    route("admin/procedures/:id/instructeurs", "routes/admin/instructeurs.tsx"),
    route("admin/procedures/:id/groupes", "routes/admin/groupes.tsx"),
    route("admin/procedures/:id/groupes/:groupeId", "routes/admin/groupe.tsx"),
    route("admin/procedures/:id/experts", "routes/admin/experts.tsx"),
    route("admin/procedures/:id/labels", "routes/admin/labels.tsx"),
    route("admin/procedures/:id/statistiques", "routes/admin/statistiques.tsx"),
    route("admin/procedures/:id/apercu", "routes/admin/apercu.tsx"),
    route("admin/procedures/:id/publication", "routes/admin/publication.tsx"),
    route("admin/procedures/:id/annuler-modifications", "routes/admin/reset-draft.tsx"),
    route("admin/procedures/:id/administrateurs", "routes/admin/administrateurs.tsx"),
    route("admin/procedures/:id/historique", "routes/admin/historique.tsx"),
    route("admin/jetons", "routes/admin/jetons.tsx"),
    route("admin/jetons/nouveau", "routes/admin/jeton-new.tsx"),
    route("admin/jetons/:tokenId/revoquer", "routes/admin/jeton-revoke.tsx"),
  ]),
];
