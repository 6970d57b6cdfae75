import { route, type RouteConfigEntry } from "@react-router/dev/routes";

export const instructeurRoutes: RouteConfigEntry[] = [
  route("procedures", "routes/instructeur/procedures.tsx"),
  route("procedures/:id", "routes/instructeur/procedure.tsx"),
  route("procedures/:id/dossiers/:dossierId", "routes/instructeur/dossier.tsx"),
];
