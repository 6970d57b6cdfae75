/**
 * The HTTP application: security headers, health check, public APIs, static assets, then every
 * page through React Router. Routes and APIs stay thin and call server/operations.
 */
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { createRequestHandler as createFetchHandler, RouterContextProvider, type ServerBuild } from "react-router";
import { requestContext, servicesContext, type AppServices, type RequestState } from "./context";
import { localeFromAcceptLanguage, isLocale } from "../../common/i18n";
import { sql } from "drizzle-orm";
import { CSRF_COOKIE, LOCALE_COOKIE, SESSION_COOKIE, parseCookies, serializeCookie } from "./cookies";
import { csrfTokenFor, preSessionOf } from "./csrf";
import { securityHeaders } from "./security-headers";
import { rejectMalformedUrls } from "./malformed-urls";
import { redactUrl } from "./redact-url";
import { compressResponses, precompressedAssets } from "./compression";
import { routeNamespaces } from "./route-namespaces";
import { uploadGates } from "./upload-gates";
import { fileRoutes } from "./uploads";
import { documentRoutes } from "./documents";
import { loadSessionUser } from "./session";
import { randomToken } from "../security/tokens";

export interface HttpAppOptions {
  services: AppServices;
  build: ServerBuild;
  clientDir: string;
  /** Extra routers mounted before the pages (GraphQL, REST APIs…), each with its own body handling. */
  mounts?: Array<{ path: string; handler: RequestHandler }>;
}

export function createHttpApp({ services, build, clientDir, mounts = [] }: HttpAppOptions) {
  const { config, db, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.production ? 1 : false);

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info({ method: req.method, url: redactUrl(req.originalUrl), status: res.statusCode, ms: Math.round(ms) }, "request");
    });
    next();
  });
  app.use(
    securityHeaders({
      secure: config.secureCookies,
      // FranceConnect's button and sign-out redirect to the provider (and, in development, to APP_URL's host name).
      formActionOrigins: config.franceConnect
        ? [...new Set([new URL(config.franceConnect.issuer).origin, new URL(config.appUrl).origin])]
        : [],
    }),
  );
  app.use(rejectMalformedUrls());
  app.use(compressResponses());

  app.get("/healthz", async (_req, res) => {
    try {
      await db.execute(sql`select 1`);
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ status: "error", database: "unreachable" });
    }
  });

  for (const mount of mounts) app.use(mount.path, mount.handler);

  app.use("/assets", precompressedAssets(path.join(clientDir, "assets")));
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));

  // Files: uploads (streamed, the dossier form without JavaScript included) and downloads.
  app.use(fileRoutes(services, { pages: (req, res, next) => pages(req, res, next) }));
  // Generated documents (the dossier's PDF).
  app.use(documentRoutes(services));

  // Pages: the body-size gate, and the page uploads streamed before the pages read them (upload-gates.ts).
  app.use(uploadGates(services, (req, res, next) => pages(req, res, next)));

  const namespacesOf = routeNamespaces(build);
  const mode = config.production ? "production" : "development";
  // The same pages, fetch-style: renders the GET of a page in place of a refused form (see RequestState).
  const renderPage = createFetchHandler(build, mode);
  const pages = createRequestHandler({
    build,
    mode,
    async getLoadContext(req, res) {
      const cookies = parseCookies(req.headers.cookie);
      const setCookies: string[] = [];
      const session = await loadSessionUser(db, cookies[SESSION_COOKIE]);
      if (cookies[SESSION_COOKIE] && !session) {
        setCookies.push(serializeCookie(SESSION_COOKIE, "", { secure: config.secureCookies, maxAgeSeconds: 0 }));
      }
      // An anonymous visitor gets a pre-session for the CSRF token of the sign-in and sign-up forms.
      let preSession = preSessionOf(cookies);
      if (!session && !preSession) {
        preSession = randomToken();
        setCookies.push(serializeCookie(CSRF_COOKIE, preSession, { secure: config.secureCookies }));
      }
      const cookieLocale = cookies[LOCALE_COOKIE];
      const context = new RouterContextProvider();
      const state: RequestState = {
        nonce: String(res.locals.nonce),
        locale: isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(req.headers["accept-language"]),
        user: session?.user ?? null,
        sessionIdHash: session?.idHash ?? null,
        csrfToken: csrfTokenFor(config.sessionSecret, { sessionIdHash: session?.idHash ?? null, preSession }) ?? "",
        setCookies,
        clientIp: req.ip ?? "unknown",
        i18nNamespaces: namespacesOf(req.originalUrl),
      };
      // A document request (not a `.data` fetch of a page with JavaScript) may be answered by its GET.
      if (req.method !== "GET" && req.method !== "HEAD" && !req.path.endsWith(".data")) {
        state.renderAsGet = () => {
          const get = new RouterContextProvider();
          get.set(servicesContext, services);
          // The outer answer adds the cookies: the inner one must not add them twice.
          get.set(requestContext, { ...state, setCookies: [], renderAsGet: undefined });
          const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
          const headers = new Headers();
          for (const name of ["cookie", "accept-language", "user-agent"]) {
            const value = req.get(name);
            if (value) headers.set(name, value);
          }
          return renderPage(new Request(url, { method: "GET", headers }), get);
        };
      }
      context.set(servicesContext, services);
      context.set(requestContext, state);
      return context;
    },
  });
  app.all(/.*/, pages);

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    logger.error({ err: error }, "unhandled error");
    if (res.headersSent) return res.end();
    res.status(500).type("text/plain").send("Erreur interne du serveur. / Internal server error.");
  };
  app.use(onError);
  return app;
}
