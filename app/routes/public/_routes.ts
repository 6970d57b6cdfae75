import { index, route } from "@react-router/dev/routes";

export const publicRoutes = [
  index("routes/public/home.tsx"),
  route("accessibilite", "routes/public/accessibilite.tsx"),
  route("langue", "routes/public/langue.tsx"),
  route("preremplir/:path", "routes/public/preremplir.tsx"),
  route("*", "routes/public/not-found.tsx"),
];
