/**
 * GET /france_connect/particulier/callback: where FranceConnect sends the browser back. Signs in
 * (a known identity, or a new account for a new e-mail), or asks to prove the existing account of the
 * same e-mail (merge page), or explains why it did not succeed (nothing created).
 */
import { data, redirect } from "react-router";
import { franceConnectCallback } from "../../../server/operations/accounts/france-connect-callback";
import { claimRememberedPrefill } from "../../lib/prefill-cookie.server";
import { requestState, services } from "../../lib/request.server";
import { FranceConnectErrorPage } from "./france-connect-error";
import { configuredClient, takeBindingCookie } from "./france-connect.server";
import { authHeaders, signedInRedirect, userAgentOf } from "./session.server";
import type { Route } from "./+types/france-connect-callback";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  const client = configuredClient(context);
  const state = requestState(context);
  const result = await franceConnectCallback(services(context).db, client, {
    query: new URL(request.url).searchParams,
    bindingToken: takeBindingCookie(context, request),
    locale: state.locale,
    userAgent: userAgentOf(request),
    previousSessionIdHash: state.sessionIdHash,
  });
  if (!result.ok) {
    const reason = result.refusals[0]?.code ?? "invalid_state";
    services(context).logger.info({ reason }, "FranceConnect sign-in refused");
    return data({ reason }, { status: 400 });
  }
  if (result.kind === "merge") {
    const query = result.redirectTo ? `?${new URLSearchParams({ redirect_to: result.redirectTo })}` : "";
    return redirect(`/france_connect/particulier/merge/${result.mergeToken}${query}`);
  }
  const prefilled = await claimRememberedPrefill(context, request, result.signedIn.userId);
  return signedInRedirect(context, result.signedIn, result.redirectTo, prefilled);
}

export default function FranceConnectCallback({ loaderData }: Route.ComponentProps) {
  return <FranceConnectErrorPage reason={loaderData.reason} />;
}
