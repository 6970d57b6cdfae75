/**
 * The FranceConnect testbed: the local OpenID provider (server/dev/franceconnect-provider.ts, a real
 * oidc-provider) on a random port, and the platform configured as its client; plus a browser without
 * JavaScript that keeps cookies per origin and follows redirects across both servers.
 */
import net from "node:net";
import { franceConnectRedirectUri, type FranceConnectSettings } from "../../../server/config";
import { type LocalProvider, startFranceConnectProvider } from "../../../server/dev/franceconnect-provider";
import { startTestServer, type TestServer } from "../../support/server";

export interface Testbed {
  server: TestServer;
  provider: LocalProvider;
  settings: FranceConnectSettings;
  stop(): Promise<void>;
}

export async function startTestbed(): Promise<Testbed> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const clientId = "guichet-test";
  const clientSecret = "test-secret-not-a-real-one-0123456789";
  const redirectUri = franceConnectRedirectUri(appUrl);
  const postLogoutRedirectUri = `${appUrl}/`;
  const provider = await startFranceConnectProvider({
    client: { clientId, clientSecret, redirectUris: [redirectUri], postLogoutRedirectUris: [postLogoutRedirectUri] },
  });
  const settings = { issuer: provider.issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri };
  const server = await startTestServer({ appUrl, franceConnect: settings }, { port });
  return {
    server,
    provider,
    settings,
    async stop() {
      await server.stop();
      await provider.stop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A browser without JavaScript: cookies per host, redirects followed on demand. */
export class Browser {
  private jars = new Map<string, Map<string, string>>();
  lastHtml = "";
  lastUrl = "";

  private jar(url: URL) {
    let jar = this.jars.get(url.host);
    if (!jar) {
      jar = new Map();
      this.jars.set(url.host, jar);
    }
    return jar;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string) {
    this.jar(new URL(`http://${host}`)).set(name, value);
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    const jar = this.jar(url);
    const response = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair?.indexOf("=") ?? -1;
      if (!pair || i < 0) continue;
      const name = pair.slice(0, i).trim();
      if (/Max-Age=0|expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(i + 1));
    }
    this.lastUrl = url.href;
    if ((response.headers.get("content-type") ?? "").includes("text/html")) this.lastHtml = await response.clone().text();
    return response;
  }

  get(url: string | URL, base?: string): Promise<Response> {
    return this.send(new URL(url, base ?? (this.lastUrl || undefined)), { method: "GET" });
  }

  post(url: string | URL, fields: Record<string, string>, base?: string): Promise<Response> {
    return this.send(new URL(url, base ?? (this.lastUrl || undefined)), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
  }

  /** Follows redirects (any origin) until a page answers; `stopAt` stops on a location matching it. */
  async follow(response: Response, stopAt?: RegExp): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 20; hops++) {
      const location = current.headers.get("location");
      if (current.status < 300 || current.status >= 400 || !location) return current;
      const next = new URL(location, this.lastUrl);
      if (stopAt?.test(next.href)) return current;
      current = await this.get(next);
    }
    throw new Error("too many redirects");
  }

  csrf(): string {
    const match = this.lastHtml.match(/name="_csrf" value="([^"]+)"/);
    if (!match?.[1]) throw new Error("no CSRF field on the last page");
    return match[1];
  }
}

/**
 * From the platform's FranceConnect button to the provider's identity page: returns the page's
 * response (the browser is on it).
 */
export async function openProviderLogin(browser: Browser, appUrl: string, redirectTo?: string): Promise<Response> {
  const query = redirectTo ? `?${new URLSearchParams({ redirect_to: redirectTo })}` : "";
  const start = await browser.get(`/france_connect/particulier${query}`, appUrl);
  if (start.status !== 302) throw new Error(`start answered ${start.status}`);
  return browser.follow(start);
}

/** Picks a demo identity on the provider's page and stops on the platform's callback URL (not requested yet). */
export async function pickIdentity(browser: Browser, sub: string): Promise<URL> {
  const action = /<form method="post" action="([^"]+\/login)"/.exec(browser.lastHtml)?.[1];
  if (!action) throw new Error("no identity form on the provider page");
  const posted = await browser.post(action, { identity: sub });
  const last = await browser.follow(posted, /\/france_connect\/particulier\/callback/);
  const location = last.headers.get("location");
  if (!location) throw new Error(`no redirect to the callback (status ${last.status})`);
  return new URL(location, browser.lastUrl);
}
