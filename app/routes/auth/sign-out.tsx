import { redirect } from "react-router";
import { destroySession } from "../../../server/http/session";
import { requestState, services } from "../../lib/request.server";
import { clearSessionCookie } from "./session.server";
import type { Route } from "./+types/sign-out";

/** Signing out is a POST (the header's form); a GET changes nothing and goes home. */
export async function loader() {
  return redirect("/");
}

/** Closes this browser's session only (other devices stay signed in) and clears the cookie. */
export async function action({ context }: Route.ActionArgs) {
  const state = requestState(context);
  if (state.sessionIdHash) await destroySession(services(context).db, state.sessionIdHash);
  clearSessionCookie(context);
  return redirect("/");
}
