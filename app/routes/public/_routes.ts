import { index, route } from "@react-router/dev/routes";

export const publicRoutes = [
  index("routes/public/home.tsx"),
  route("accessibilite", "routes/public/accessibilite.tsx"),
  route("mentions-legales", "routes/public/mentions-legales.tsx"),
  route("donnees-personnelles", "routes/public/donnees-personnelles.tsx"),
  route("cgu", "routes/public/cgu.tsx"),
  route("contact", "routes/public/contact.tsx"),
  route("langue", "routes/public/langue.tsx"),
  route("preremplir/:path", "routes/public/preremplir.tsx"),
  route("statistiques/:path", "routes/public/statistiques.tsx"),
  route("stats", "routes/public/stats.tsx"),
  route("*", "routes/public/not-found.tsx"),
];
