/**
 * Development: `guichet start` runs the local FranceConnect stand-in (franceconnect-provider.ts) as a
 * child process and points the FranceConnect client at it, so that the « S'identifier avec
 * FranceConnect » button works out of the box. The child loads oidc-provider on its own core while
 * this process migrates and starts: the start is not slower. The client discovers the provider
 * lazily (at the first click), so nothing here waits for the child.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, franceConnectRedirectUri } from "../config";
import { logger } from "../logger";
import { DEMO_IDENTITIES } from "./demo-identities";

const PROVIDER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "franceconnect-provider.ts");
const CLIENT_ID = "guichet-local";

export interface LocalFranceConnect {
  config: Config;
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in and returns the configuration with its client. The variables are also put in
 * this process's environment, which the web workers of the cluster inherit.
 */
export async function startLocalFranceConnect(config: Config): Promise<LocalFranceConnect> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const redirectUri = franceConnectRedirectUri(config.appUrl);
  const postLogoutRedirectUri = `${config.appUrl}/`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", PROVIDER_FILE], {
    env: {
      ...process.env,
      FC_PROVIDER_PORT: String(port),
      FRANCECONNECT_CLIENT_ID: CLIENT_ID,
      FRANCECONNECT_CLIENT_SECRET: clientSecret,
      FC_PROVIDER_REDIRECT_URIS: redirectUri,
      FC_PROVIDER_POST_LOGOUT_URIS: postLogoutRedirectUri,
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8").trim();
    // oidc-provider's notice about its in-memory storage is what a stand-in wants: not worth a warning.
    if (text && !text.startsWith("oidc-provider WARNING")) logger.warn({ component: "local-franceconnect" }, text);
  });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal === null) logger.error({ code }, "the local FranceConnect provider stopped");
  });
  process.env.FRANCECONNECT_ISSUER = issuer;
  process.env.FRANCECONNECT_CLIENT_ID = CLIENT_ID;
  process.env.FRANCECONNECT_CLIENT_SECRET = clientSecret;
  process.env.FRANCECONNECT_LOCAL_PROVIDER = "false";
  return {
    issuer,
    config: {
      ...config,
      franceConnectLocalProvider: false,
      franceConnect: { issuer, clientId: CLIENT_ID, clientSecret, redirectUri, postLogoutRedirectUri },
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** What `start` prints under the demo accounts. */
export function describeLocalFranceConnect(issuer: string): string {
  const lines = DEMO_IDENTITIES.map(
    (i) => `    ${`${i.given_name} ${i.family_name}`.padEnd(28)} ${i.email ?? "(sans e-mail : montre la page d'erreur)"}`,
  );
  return [
    `  FranceConnect local (développement) : ${issuer} — « S'identifier avec FranceConnect » sur la page de connexion,`,
    "  puis choisissez une identité de démonstration :",
    ...lines,
    "",
  ].join("\n");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
