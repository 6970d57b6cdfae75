/**
 * Configuration, read once from the environment and validated with zod at start-up so that a
 * wrong setting stops the process with a message naming the variable, not a stack trace later.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { ApiEntrepriseSettings } from "./integrations/api-entreprise/client";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url()
      .refine((v) => protocols.includes(new URL(v).protocol), {
        message: `must start with ${protocols.map((p) => `${p}//`).join(" or ")}`,
      })
      .optional(),
  );

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public URL used in e-mails and API answers. */
  APP_URL: optionalUrl(["http:", "https:"]),
  /** PostgreSQL connection string; when absent, an embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
  DATA_DIR: z.string().default("var"),
  /** Signs CSRF tokens. Required in production; generated and kept under DATA_DIR otherwise. */
  SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  /** smtp://user:pass@host:port or smtps://…; when absent, mails go to the local mailbox page. */
  SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
  MAIL_FROM: z.string().default("Guichet <ne-pas-repondre@guichet.localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the job worker inside the web process (always true in embedded mode). */
  WORKER_IN_PROCESS: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /**
   * Serve the local mailbox page (/mailbox, every mail the platform "sent", password-reset links
   * included). Default: only outside production, when mail goes to the mailbox (no SMTP_URL) and the
   * server listens on a loopback address, so that nobody else can read it.
   */
  MAILBOX_ENABLED: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /** How often a job worker records that it is alive, in milliseconds. */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
  /** A worker silent for this long is dead: the jobs it had locked are run again by others. */
  WORKER_DEAD_AFTER_MS: z.coerce.number().int().positive().default(45_000),
  /** Seed demo accounts and a demo démarche on an empty database (default: true in embedded mode). */
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /** Web processes serving HTTP (server/cluster.ts); default: one per CPU, 1 when NODE_ENV=test. */
  WEB_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(256).optional()),
  /** Maximum size of a form body, in bytes. */
  MAX_FORM_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /** GraphQL API requests per minute per token (the reference's `RACK_ATTACK_GRAPHQL_LIMIT`, 400 by default). */
  GRAPHQL_RATE_LIMIT: z.coerce.number().int().positive().max(1_000_000).default(400),
  /** Where uploaded files are kept: `local` (a directory). An S3-compatible bucket comes later. */
  STORAGE_BACKEND: z.enum(["local"]).default("local"),
  /** Directory of the `local` storage (default: DATA_DIR/storage). */
  STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  /** Largest file accepted by an upload, in bytes (the reference: 200 MB; identity documents stay at 20 MB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  /**
   * National address base searched by `address` fields (https://api-adresse.data.gouv.fr by default,
   * none when NODE_ENV=test so that tests never reach the internet); empty disables it: addresses are
   * then typed by hand.
   */
  BAN_URL: z
    .string()
    .trim()
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/.test(v), { message: "must be empty or start with http:// or https://" })
    .optional(),
  /** Shown on the legal, personal data and help pages: who runs this instance, who hosts it, how to reach them. */
  PUBLISHER_NAME: z.preprocess(emptyToUndefined, z.string().trim().max(300).optional()),
  HOSTING_INFO: z.preprocess(emptyToUndefined, z.string().trim().max(1000).optional()),
  CONTACT_EMAIL: z.preprocess(emptyToUndefined, z.string().trim().email().optional()),
  /** How long an address search may take before the form offers the manual mode, in milliseconds. */
  BAN_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(3000),
  /** How long a webhook receiver may take to answer, in milliseconds (the reference: 10 s). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(10_000),
  /**
   * Allow webhook URLs to private, loopback and link-local addresses (local receivers in tests and
   * development). Off by default: such URLs are refused at save time and at delivery (SSRF).
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /** FranceConnect (OpenID Connect): the issuer and this platform's client. All three, or none (no button). */
  FRANCECONNECT_ISSUER: optionalUrl(["http:", "https:"]),
  FRANCECONNECT_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(500).optional()),
  FRANCECONNECT_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().min(1).max(2000).optional()),
  /**
   * Start a local OpenID provider playing FranceConnect with demo identities (server/dev/franceconnect-provider.ts).
   * Default: true in development when FRANCECONNECT_ISSUER is not set; never in production.
   */
  FRANCECONNECT_LOCAL_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  /** API Entreprise (SIRET lookups of personnes morales): its token, and the platform's SIRET (`recipient`). */
  API_ENTREPRISE_URL: optionalUrl(["http:", "https:"]),
  API_ENTREPRISE_TOKEN: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(5000).optional()),
  API_ENTREPRISE_RECIPIENT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{14}$/, "must be a SIRET (14 digits)")
      .optional(),
  ),
  /** How long a SIRET lookup may take before the dossier goes on in degraded mode, in milliseconds. */
  API_ENTREPRISE_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(5000),
  /** Delay before the job fetches the data of a SIRET kept in degraded mode (the reference: 30 minutes). */
  API_ENTREPRISE_RETRY_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30 * 60 * 1000),
  /** Start the local API Entreprise server (server/dev/api-entreprise-server.ts). Default: true in development without a token. */
  API_ENTREPRISE_LOCAL_SERVER: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
});

const DEFAULT_BAN_URL = "https://api-adresse.data.gouv.fr";

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const embedded = !e.DATABASE_URL;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.WORKER_DEAD_AFTER_MS < 2 * e.WORKER_HEARTBEAT_MS) {
    throw new ConfigError("Invalid configuration:\n  - WORKER_DEAD_AFTER_MS: must be at least twice WORKER_HEARTBEAT_MS");
  }
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration:\n  - SESSION_SECRET: required when NODE_ENV=production");
  }
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const franceConnect = franceConnectSettings(e, appUrl);
  const apiEntreprise = apiEntrepriseSettings(e);
  return {
    env: e.NODE_ENV,
    production,
    host: e.HOST,
    port: e.PORT,
    appUrl,
    secureCookies: appUrl.startsWith("https://"),
    embedded,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? localSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    workerInProcess: e.WORKER_IN_PROCESS ? e.WORKER_IN_PROCESS === "true" : embedded,
    workerLiveness: { heartbeatMs: e.WORKER_HEARTBEAT_MS, deadAfterMs: e.WORKER_DEAD_AFTER_MS },
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === "true" : embedded,
    webConcurrency: e.WEB_CONCURRENCY ?? (e.NODE_ENV === "test" ? 1 : availableParallelism()),
    mailboxEnabled: e.MAILBOX_ENABLED ? e.MAILBOX_ENABLED === "true" : !production && !e.SMTP_URL && isLoopbackHost(e.HOST),
    maxFormBytes: e.MAX_FORM_BYTES,
    graphqlRateLimitPerMinute: e.GRAPHQL_RATE_LIMIT,
    storage: { backend: e.STORAGE_BACKEND, dir: path.resolve(e.STORAGE_DIR ?? path.join(dataDir, "storage")) },
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    /** The legal pages' facts about this instance (null: the pages say it is not given). */
    legal: { publisher: e.PUBLISHER_NAME ?? null, hosting: e.HOSTING_INFO ?? null, contactEmail: e.CONTACT_EMAIL ?? null },
    /** Address search (server/integrations/ban); url null: disabled. */
    ban: {
      url: e.BAN_URL === undefined ? (e.NODE_ENV === "test" ? null : DEFAULT_BAN_URL) : e.BAN_URL === "" ? null : e.BAN_URL,
      timeoutMs: e.BAN_TIMEOUT_MS,
    },
    /** Outgoing webhooks: receiver timeout, and whether private addresses are allowed (never by default). */
    webhooks: { timeoutMs: e.WEBHOOK_TIMEOUT_MS, allowPrivateNetworks: e.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === "true" },
    /** FranceConnect's client settings (null: not configured, no button). */
    franceConnect,
    /** Whether `start`/`web` run the local FranceConnect stand-in (development only). */
    franceConnectLocalProvider:
      !production &&
      !franceConnect &&
      (e.FRANCECONNECT_LOCAL_PROVIDER ? e.FRANCECONNECT_LOCAL_PROVIDER === "true" : e.NODE_ENV === "development"),
    /** API Entreprise (null: not configured; SIRETs are then kept in degraded mode). */
    apiEntreprise,
    /** Delay before the job fetches a degraded établissement's data. */
    apiEntrepriseRetryDelayMs: e.API_ENTREPRISE_RETRY_DELAY_MS,
    /** Whether `start`/`web` run the local API Entreprise server (development only). */
    apiEntrepriseLocalServer:
      !production &&
      !apiEntreprise &&
      (e.API_ENTREPRISE_LOCAL_SERVER ? e.API_ENTREPRISE_LOCAL_SERVER === "true" : e.NODE_ENV === "development"),
  };
}

const DEFAULT_API_ENTREPRISE_URL = "https://entreprise.api.gouv.fr";

/** API Entreprise's settings: a token and the recipient SIRET, or neither. */
function apiEntrepriseSettings(e: z.infer<typeof ZEnv>): ApiEntrepriseSettings | null {
  if (e.NODE_ENV === "production" && e.API_ENTREPRISE_LOCAL_SERVER === "true") {
    throw new ConfigError("Invalid configuration:\n  - API_ENTREPRISE_LOCAL_SERVER: the local server never runs in production");
  }
  if (!e.API_ENTREPRISE_TOKEN && !e.API_ENTREPRISE_RECIPIENT) return null;
  if (!e.API_ENTREPRISE_TOKEN || !e.API_ENTREPRISE_RECIPIENT) {
    throw new ConfigError("Invalid configuration:\n  - API_ENTREPRISE_TOKEN, API_ENTREPRISE_RECIPIENT: set both, or none");
  }
  return {
    url: (e.API_ENTREPRISE_URL ?? DEFAULT_API_ENTREPRISE_URL).replace(/\/+$/, ""),
    token: e.API_ENTREPRISE_TOKEN,
    recipient: e.API_ENTREPRISE_RECIPIENT,
    timeoutMs: e.API_ENTREPRISE_TIMEOUT_MS,
  };
}

export interface FranceConnectSettings {
  issuer: string;
  clientId: string;
  /** Never logged. */
  clientSecret: string;
  /** Where the provider sends the browser back: `${APP_URL}/france_connect/particulier/callback`. */
  redirectUri: string;
  /** Where the provider's sign-out sends the browser back: the home page. */
  postLogoutRedirectUri: string;
}

/** The FranceConnect client of the environment: all three variables or none; https in production. */
function franceConnectSettings(e: z.infer<typeof ZEnv>, appUrl: string): FranceConnectSettings | null {
  const given = [e.FRANCECONNECT_ISSUER, e.FRANCECONNECT_CLIENT_ID, e.FRANCECONNECT_CLIENT_SECRET].filter(Boolean).length;
  if (given === 0) {
    if (e.NODE_ENV === "production" && e.FRANCECONNECT_LOCAL_PROVIDER === "true") {
      throw new ConfigError(
        "Invalid configuration:\n  - FRANCECONNECT_LOCAL_PROVIDER: the local stand-in never runs in production",
      );
    }
    return null;
  }
  if (given < 3) {
    throw new ConfigError(
      "Invalid configuration:\n  - FRANCECONNECT_ISSUER, FRANCECONNECT_CLIENT_ID, FRANCECONNECT_CLIENT_SECRET: set all three, or none",
    );
  }
  const issuer = (e.FRANCECONNECT_ISSUER as string).replace(/\/+$/, "");
  if (e.NODE_ENV === "production" && !issuer.startsWith("https://")) {
    throw new ConfigError("Invalid configuration:\n  - FRANCECONNECT_ISSUER: must start with https:// when NODE_ENV=production");
  }
  return {
    issuer,
    clientId: e.FRANCECONNECT_CLIENT_ID as string,
    clientSecret: e.FRANCECONNECT_CLIENT_SECRET as string,
    redirectUri: franceConnectRedirectUri(appUrl),
    postLogoutRedirectUri: `${appUrl}/`,
  };
}

export function franceConnectRedirectUri(appUrl: string): string {
  return `${appUrl}/france_connect/particulier/callback`;
}

/** True for a listening address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

/** What an operator should hear at start-up about a risky configuration. */
export function startupWarnings(config: Pick<Config, "production" | "host" | "mailboxEnabled">): string[] {
  const warnings: string[] = [];
  if (!config.production && !isLoopbackHost(config.host)) {
    warnings.push(
      `The server listens on ${config.host}, reachable from other machines, without NODE_ENV=production: set NODE_ENV=production for a real deployment.`,
    );
  }
  if (config.mailboxEnabled && !isLoopbackHost(config.host)) {
    warnings.push(`The local mailbox (/mailbox) is enabled on ${config.host}: anyone who reaches the server can read its mails.`);
  }
  return warnings;
}

/** Development secret kept beside the embedded data so that sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
