/** Server helpers of the FranceConnect pages: the client of the configuration, the browser-binding cookie. */
import type { RouterContextProvider } from "react-router";
import { FRANCE_CONNECT_COOKIE, parseCookies, serializeCookie } from "../../../server/http/cookies";
import { type FranceConnectClient, franceConnectClient } from "../../../server/integrations/franceconnect/client";
import { FRANCE_CONNECT_REQUEST_TTL_SECONDS } from "../../../server/operations/accounts/start-france-connect";
import { notFound, requestState, services } from "../../lib/request.server";

type Ctx = Readonly<RouterContextProvider>;

/** The configured client; 404 when FranceConnect is not configured (the pages do not exist then). */
export function configuredClient(context: Ctx): FranceConnectClient {
  const settings = services(context).config.franceConnect;
  if (!settings) notFound();
  return franceConnectClient(settings);
}

export function setBindingCookie(context: Ctx, token: string) {
  const { config } = services(context);
  requestState(context).setCookies.push(
    serializeCookie(FRANCE_CONNECT_COOKIE, token, {
      secure: config.secureCookies,
      maxAgeSeconds: FRANCE_CONNECT_REQUEST_TTL_SECONDS,
    }),
  );
}

/** Reads the binding token and clears the cookie (a state serves once). */
export function takeBindingCookie(context: Ctx, request: Request): string | undefined {
  const { config } = services(context);
  const token = parseCookies(request.headers.get("cookie"))[FRANCE_CONNECT_COOKIE];
  if (token !== undefined) {
    requestState(context).setCookies.push(
      serializeCookie(FRANCE_CONNECT_COOKIE, "", { secure: config.secureCookies, maxAgeSeconds: 0 }),
    );
  }
  return token;
}
