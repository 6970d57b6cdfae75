import { layout, type RouteConfigEntry, route } from "@react-router/dev/routes";

/** The usager's pages: démarche links (public; starting a dossier asks to sign in), "Mes dossiers", the dossier pages. */
export const usagerRoutes: RouteConfigEntry[] = [
  route("commencer/test/:path", "routes/usager/commencer-test.tsx"),
  route("commencer/:path", "routes/usager/commencer.tsx"),
  layout("routes/usager/layout.tsx", [
    route("dossiers", "routes/usager/dossiers.tsx"),
    route("dossiers/expirants", "routes/usager/dossiers-expirants.tsx"),
    route("dossiers/invites", "routes/usager/dossiers-invites.tsx"),
    route("dossiers/transferts", "routes/usager/dossiers-transferts.tsx"),
    route("dossiers/supprimes", "routes/usager/dossiers-supprimes.tsx"),
  ]),
  layout("routes/usager/dossier-layout.tsx", [
    route("dossiers/:id", "routes/usager/dossier.tsx"),
    route("dossiers/:id/identite", "routes/usager/dossier-identite.tsx"),
    route("dossiers/:id/etablissement", "routes/usager/dossier-etablissement.tsx"),
    route("dossiers/:id/brouillon", "routes/usager/dossier-brouillon.tsx"),
    route("dossiers/:id/modifier", "routes/usager/dossier-modifier.tsx"),
    route("dossiers/:id/modifications/annuler", "routes/usager/dossier-annuler-modifications.tsx"),
    route("dossiers/:id/merci", "routes/usager/dossier-merci.tsx"),
    route("dossiers/:id/messagerie", "routes/usager/dossier-messagerie.tsx"),
    route("dossiers/:id/partage", "routes/usager/dossier-partage.tsx"),
    route("dossiers/:id/supprimer", "routes/usager/dossier-supprimer.tsx"),
    route("dossiers/:id/dupliquer", "routes/usager/dossier-dupliquer.tsx"),
    route("dossiers/:id/changements-formulaire", "routes/usager/dossier-form-changes.tsx"),
  ]),
];
