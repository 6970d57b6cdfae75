import { layout, route, type RouteConfigEntry } from "@react-router/dev/routes";

export const authRoutes: RouteConfigEntry[] = [
  route("users/sign_up", "routes/auth/sign-up.tsx"),
  route("users/sign_in", "routes/auth/sign-in.tsx"),
  route("users/sign_out", "routes/auth/sign-out.tsx"),
  route("users/confirmation", "routes/auth/confirmation.tsx"),
  route("users/confirmation/new", "routes/auth/confirmation-new.tsx"),
  route("users/password/new", "routes/auth/password-new.tsx"),
  route("users/password/edit", "routes/auth/password-edit.tsx"),
  route("users/invitation", "routes/auth/invitation.tsx"),
  route("france_connect/particulier", "routes/auth/france-connect-start.tsx"),
  route("france_connect/particulier/callback", "routes/auth/france-connect-callback.tsx"),
  route("france_connect/particulier/merge/:token", "routes/auth/france-connect-merge.tsx"),
  route("france_connect/particulier/merge_with_existing_account", "routes/auth/france-connect-merge-email.tsx"),
  layout("routes/auth/signed-in-layout.tsx", [
    route("profil", "routes/auth/profil.tsx"),
    route("profil/email", "routes/auth/profil-email.tsx"),
  ]),
];
