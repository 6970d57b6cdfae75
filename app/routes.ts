import { layout, type RouteConfig } from "@react-router/dev/routes";
import { adminRoutes } from "./routes/admin/_routes";
import { authRoutes } from "./routes/auth/_routes";
import { devRoutes } from "./routes/dev/_routes";
import { expertRoutes } from "./routes/expert/_routes";
import { instructeurRoutes } from "./routes/instructeur/_routes";
import { publicRoutes } from "./routes/public/_routes";
import { usagerRoutes } from "./routes/usager/_routes";

// Routes are grouped by persona; each folder lists its own routes in _routes.ts.
export default [
  layout("routes/layout.tsx", [
    ...publicRoutes,
    ...authRoutes,
    ...usagerRoutes,
    ...instructeurRoutes,
    ...expertRoutes,
    ...adminRoutes,
    ...devRoutes,
  ]),
] satisfies RouteConfig;
