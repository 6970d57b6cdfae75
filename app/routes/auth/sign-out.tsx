import { redirect } from "react-router";
import { destroySession } from "../../../server/http/session";
import { franceConnectClient } from "../../../server/integrations/franceconnect/client";
import { requestState, services } from "../../lib/request.server";
import { clearSessionCookie } from "./session.server";
import type { Route } from "./+types/sign-out";

/** Signing out is a POST (the header's form); a GET changes nothing and goes home. */
export async function loader() {
  return redirect("/");
}

/**
 * Closes this browser's session only (other devices stay signed in) and clears the cookie. A session
 * opened with FranceConnect also ends at FranceConnect: the browser goes to its end-session endpoint
 * (id_token_hint, post_logout_redirect_uri = the home page), which comes back here.
 */
export async function action({ context }: Route.ActionArgs) {
  const state = requestState(context);
  const { config, db, logger } = services(context);
  const closed = state.sessionIdHash ? await destroySession(db, state.sessionIdHash) : null;
  clearSessionCookie(context);
  if (closed?.franceConnectIdToken && config.franceConnect) {
    try {
      return redirect(await franceConnectClient(config.franceConnect).endSessionUrl(closed.franceConnectIdToken));
    } catch (error) {
      // FranceConnect unreachable: signed out here anyway.
      logger.warn({ err: (error as Error).message }, "FranceConnect logout unavailable");
    }
  }
  return redirect("/");
}
