/**
 * GET /france_connect/particulier: starts a FranceConnect sign-in (state, nonce and PKCE verifier
 * kept server-side, bound to this browser by a cookie) and sends the browser to the provider. 404
 * when FranceConnect is not configured.
 */
import { data, redirect } from "react-router";
import { isLoopbackHost } from "../../../server/config";
import { startFranceConnect } from "../../../server/operations/accounts/start-france-connect";
import { services } from "../../lib/request.server";
import { FranceConnectErrorPage } from "./france-connect-error";
import { configuredClient, setBindingCookie } from "./france-connect.server";
import { authHeaders, redirectToParam } from "./session.server";
import type { Route } from "./+types/france-connect-start";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  const client = configuredClient(context);
  const { config, db } = services(context);
  // The provider comes back to APP_URL: in development, a page opened on 127.0.0.1 while APP_URL
  // says localhost (or the reverse) first moves to APP_URL, so that the binding cookie is there.
  const here = new URL(request.url);
  const app = new URL(config.appUrl);
  if (!config.production && here.host !== app.host && isLoopbackHost(here.hostname) && isLoopbackHost(app.hostname)) {
    throw redirect(`${config.appUrl}${here.pathname}${here.search}`);
  }
  const redirectTo = redirectToParam(request);
  const result = await startFranceConnect(db, client, { redirectTo });
  if (!result.ok) return data({ reason: result.refusals[0]?.code ?? "unavailable", redirectTo }, { status: 503 });
  setBindingCookie(context, result.bindingToken);
  return redirect(result.url);
}

export default function FranceConnectStart({ loaderData }: Route.ComponentProps) {
  return <FranceConnectErrorPage reason={loaderData.reason} redirectTo={loaderData.redirectTo} />;
}
