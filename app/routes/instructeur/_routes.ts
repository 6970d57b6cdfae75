import { layout, route, type RouteConfigEntry } from "@react-router/dev/routes";

/** The instructeur's space: the layouts admit instructeurs only; each page scopes to their groupes. */
export const instructeurRoutes: RouteConfigEntry[] = [
  layout("routes/instructeur/layout.tsx", [
    route("procedures", "routes/instructeur/procedures.tsx"),
    route("procedures/notifications", "routes/instructeur/notifications.tsx"),
    route("procedures/:id", "routes/instructeur/procedure.tsx"),
    route("procedures/:id/exports", "routes/instructeur/exports.tsx"),
    route("procedures/:id/exports/:exportId/fichier", "routes/instructeur/export-file.tsx"),
    route("procedures/:id/modeles-export", "routes/instructeur/export-templates.tsx"),
    route("procedures/:id/modeles-export/:templateId", "routes/instructeur/export-template.tsx"),
    route("procedures/:id/statistiques", "routes/instructeur/statistiques.tsx"),
    route("procedures/:id/archives", "routes/instructeur/archives.tsx"),
    route("procedures/:id/archives/:archiveId/fichier", "routes/instructeur/archive-file.tsx"),
    route("procedures/:id/groupes", "routes/instructeur/groupes.tsx"),
    route("procedures/:id/groupes/:groupeId", "routes/instructeur/groupe.tsx"),
  ]),
  // The header's search across démarches: instructeurs and experts (see the layout).
  layout("routes/instructeur/recherche-layout.tsx", [route("recherche", "routes/instructeur/recherche.tsx")]),
  layout("routes/instructeur/dossier-layout.tsx", [
    route("procedures/:id/dossiers/:dossierId", "routes/instructeur/dossier.tsx"),
    route("procedures/:id/dossiers/:dossierId/archivage", "routes/instructeur/archivage.tsx"),
    route("procedures/:id/dossiers/:dossierId/avis", "routes/instructeur/dossier-avis.tsx"),
    route("procedures/:id/dossiers/:dossierId/groupe", "routes/instructeur/changer-groupe.tsx"),
    route("procedures/:id/dossiers/:dossierId/messagerie", "routes/instructeur/dossier-messagerie.tsx"),
  ]),
];
