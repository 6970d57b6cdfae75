import { type RouteConfigEntry, route } from "@react-router/dev/routes";

/** The usager's pages: démarche links, the dossier forms and pages, "Mes dossiers". */
export const usagerRoutes: RouteConfigEntry[] = [
  route("commencer/test/:path", "routes/usager/commencer-test.tsx"),
  route("commencer/:path", "routes/usager/commencer.tsx"),
  route("dossiers", "routes/usager/dossiers.tsx"),
  route("dossiers/:id", "routes/usager/dossier.tsx"),
  route("dossiers/:id/identite", "routes/usager/dossier-identite.tsx"),
  route("dossiers/:id/brouillon", "routes/usager/dossier-brouillon.tsx"),
  route("dossiers/:id/modifier", "routes/usager/dossier-modifier.tsx"),
  route("dossiers/:id/merci", "routes/usager/dossier-merci.tsx"),
  route("dossiers/:id/changements-formulaire", "routes/usager/dossier-form-changes.tsx"),
];
