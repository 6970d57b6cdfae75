/**
 * The FranceConnect client (OpenID Connect, `openid-client` 6): authorization URL with PKCE (S256),
 * state, nonce and `acr_values=eidas1`; the callback's code exchanged and checked (state, nonce, ID
 * token signature, issuer, audience, expiry: openid-client does it) and the identity read from the
 * userinfo endpoint, as FranceConnect serves it; the end-session URL for the logout.
 *
 * openid-client is loaded at the first use (it is not needed to start). The provider's metadata are
 * discovered once per process, again after a failure. A plain-http issuer is accepted only on a
 * loopback address (the local stand-in of development and tests).
 */
import type { FranceConnectSettings } from "../../config";

/** FranceConnect's scopes for a particulier (the identity the identity step needs, and the e-mail). */
export const FRANCE_CONNECT_SCOPES = "openid email given_name family_name birthdate gender";
export const FRANCE_CONNECT_ACR = "eidas1";
const TIMEOUT_SECONDS = 10;

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CallbackChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface FranceConnectTokens {
  idToken: string;
  /** The ID token's claims (sub, acr…). */
  idClaims: Record<string, unknown>;
  /** What the userinfo endpoint said about the person. */
  userinfo: Record<string, unknown>;
}

/** What the routes and operations need from FranceConnect (a fake in unit tests, the real one otherwise). */
export interface FranceConnectClient {
  authorizationRequest(): Promise<AuthorizationRequest>;
  /** Exchanges the callback's code; throws on any failed check. */
  exchange(callbackQuery: URLSearchParams, checks: CallbackChecks): Promise<FranceConnectTokens>;
  endSessionUrl(idToken: string): Promise<string>;
}

type OpenIdClient = typeof import("openid-client");

const clients = new Map<string, FranceConnectClient>();

/** One client per settings (and so one discovery) for the process. */
export function franceConnectClient(settings: FranceConnectSettings): FranceConnectClient {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.redirectUri}`;
  let client = clients.get(key);
  if (!client) {
    client = createClient(settings);
    clients.set(key, client);
  }
  return client;
}

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function createClient(settings: FranceConnectSettings): FranceConnectClient {
  let discovered: Promise<{ oc: OpenIdClient; configuration: import("openid-client").Configuration }> | null = null;
  const discover = () => {
    discovered ??= (async () => {
      const oc = await import("openid-client");
      const configuration = await oc.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        oc.ClientSecretPost(settings.clientSecret),
        { execute: isLoopbackHttp(settings.issuer) ? [oc.allowInsecureRequests] : [], timeout: TIMEOUT_SECONDS },
      );
      configuration.timeout = TIMEOUT_SECONDS;
      return { oc, configuration };
    })();
    discovered.catch(() => {
      discovered = null;
    });
    return discovered;
  };

  return {
    async authorizationRequest() {
      const { oc, configuration } = await discover();
      const state = oc.randomState();
      const nonce = oc.randomNonce();
      const codeVerifier = oc.randomPKCECodeVerifier();
      const url = oc.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUri,
        scope: FRANCE_CONNECT_SCOPES,
        response_type: "code",
        code_challenge: await oc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
        acr_values: FRANCE_CONNECT_ACR,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },
    async exchange(callbackQuery, checks) {
      const { oc, configuration } = await discover();
      // The URL the provider redirected to, on the registered redirect URI whatever Host the request had.
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery.toString();
      const tokens = await oc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!tokens.id_token || !idClaims) throw new Error("no ID token");
      const userinfo = await oc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      return { idToken: tokens.id_token, idClaims: { ...idClaims }, userinfo: { ...userinfo } };
    },
    async endSessionUrl(idToken) {
      const { oc, configuration } = await discover();
      return oc.buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
      }).href;
    },
  };
}
