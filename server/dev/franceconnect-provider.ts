/**
 * A real OpenID Connect provider (`oidc-provider` 8) playing FranceConnect for development and tests:
 * authorization code flow with PKCE (S256 required), `nonce`, `acr_values=eidas1`, FranceConnect's
 * scopes (`openid email given_name family_name birthdate gender`, claims served by the userinfo
 * endpoint), RP-initiated logout. Its login page lists demo identities: pick one and the provider
 * sends the browser back to Guichet, as FranceConnect does after an identity provider.
 *
 * Started by `guichet start` in development (as a child process, so that loading oidc-provider never
 * delays the start: see `server/dev/local-franceconnect.ts`), by the tests in process on a random
 * port, or by hand: `node --import tsx server/dev/franceconnect-provider.ts` (env below).
 *
 * Never used in production (config.ts refuses it). Its keys and cookie secrets are generated at each
 * start: sessions at the provider do not survive a restart, which a stand-in does not need.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { DEMO_IDENTITIES, type DemoIdentity } from "./demo-identities";

export { DEMO_IDENTITIES, type DemoIdentity };

export interface LocalProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface LocalProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the provider on `host:port` (port 0: a free one) for one client. */
export async function startFranceConnectProvider(options: {
  client: LocalProviderClient;
  port?: number;
  host?: string;
  identities?: readonly DemoIdentity[];
}): Promise<LocalProvider> {
  const { default: Provider } = await import("oidc-provider");
  const identities = options.identities ?? DEMO_IDENTITIES;
  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;

  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "local-franceconnect", alg: "ES256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "ES256",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true, methods: ["S256"] },
    acrValues: ["eidas1"],
    claims: {
      openid: ["sub"],
      email: ["email"],
      given_name: ["given_name"],
      family_name: ["family_name"],
      birthdate: ["birthdate"],
      gender: ["gender"],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            "Déconnexion de FranceConnect",
            `${form}<h1>Déconnexion de FranceConnect (local)</h1>
<p>Vous quittez aussi la session FranceConnect ouverte pour Guichet.</p>
<button class="btn" type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter de FranceConnect</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page("Déconnecté", "<h1>Vous êtes déconnecté de FranceConnect (local).</h1>");
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const identity = identities.find((i) => i.sub === sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: async () => ({ ...identity }) };
    },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = page(
        "Erreur",
        `<h1>Erreur FranceConnect (local)</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`,
      );
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 3600, AuthorizationCode: 60 },
  });

  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = /^\/interaction\/([\w-]+)(\/(login|abort))?$/.exec(url.pathname);
    if (!match) return callback(req, res);
    handleInteraction(req, res, match[3] ?? null).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(page("Erreur", `<h1>Erreur</h1><p>${escapeHtml((error as Error).message)}</p>`));
      }
    });
  });

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, action: string | null) {
    const details = await provider.interactionDetails(req, res);
    if (action === null && req.method === "GET") {
      const buttons = identities
        .map(
          (i) =>
            `<li><button class="btn" type="submit" name="identity" value="${escapeHtml(i.sub)}">${escapeHtml(`${i.given_name} ${i.family_name}`)}</button> <small>${
              i.email ? escapeHtml(i.email) : "sans adresse e-mail (pour essayer l'erreur)"
            }</small></li>`,
        )
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(
        page(
          "Choisir une identité – FranceConnect (local)",
          `<h1>FranceConnect (local, développement)</h1>
<p>Choisissez une identité de démonstration : elle est transmise à Guichet comme le ferait FranceConnect.</p>
<form method="post" action="/interaction/${details.uid}/login"><ul class="ids">${buttons}</ul></form>
<form method="post" action="/interaction/${details.uid}/abort"><button class="btn secondary" type="submit">Annuler et revenir sur Guichet</button></form>`,
        ),
      );
      return;
    }
    if (req.method !== "POST") throw new Error("Méthode non prise en charge.");
    if (action === "abort") {
      await provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const body = new URLSearchParams(await readBody(req));
    const identity = identities.find((i) => i.sub === body.get("identity"));
    if (!identity) throw new Error("Identité inconnue.");
    // Login and consent in one step: the grant covers what Guichet asked for.
    const grant = new provider.Grant({ accountId: identity.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: identity.sub, acr: "eidas1" }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error("Requête trop grande."));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><style>
body{font-family:Marianne,Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.5rem;color:#000091}.ids{list-style:none;padding:0}.ids li{margin:.75rem 0}
.btn{background:#000091;color:#fff;border:0;padding:.5rem 1rem;font-size:1rem;cursor:pointer}
.btn.secondary{background:#fff;color:#000091;border:1px solid #000091}</style></head>
<body><main>${body}</main></body></html>`;
}

/**
 * Run by hand or as the child of `guichet start`: FC_PROVIDER_PORT, FRANCECONNECT_CLIENT_ID,
 * FRANCECONNECT_CLIENT_SECRET, FC_PROVIDER_REDIRECT_URIS and FC_PROVIDER_POST_LOGOUT_URIS
 * (comma-separated). Prints `LISTENING <issuer>`; as a child, stops when its parent goes away.
 */
async function main() {
  const env = process.env;
  const provider = await startFranceConnectProvider({
    port: Number(env.FC_PROVIDER_PORT ?? 0),
    client: {
      clientId: env.FRANCECONNECT_CLIENT_ID ?? "guichet-local",
      clientSecret: env.FRANCECONNECT_CLIENT_SECRET ?? "guichet-local-secret",
      redirectUris: (env.FC_PROVIDER_REDIRECT_URIS ?? "http://localhost:3000/france_connect/particulier/callback").split(","),
      postLogoutRedirectUris: (env.FC_PROVIDER_POST_LOGOUT_URIS ?? "http://localhost:3000/").split(","),
    },
  });
  console.log(`LISTENING ${provider.issuer}`);
  const stop = () => void provider.stop().then(() => process.exit(0));
  if (process.send) process.on("disconnect", stop);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`local FranceConnect: ${(error as Error).message}`);
    process.exit(1);
  });
}
