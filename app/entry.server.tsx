import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import {
  type EntryContext,
  type HandleErrorFunction,
  isRouteErrorResponse,
  type RouterContextProvider,
  ServerRouter,
} from "react-router";
import { requestContext, servicesContext } from "../server/http/context";
import { redactUrl } from "../server/http/redact-url";
import { logger as processLogger } from "../server/logger";
import { loadAllChampComponents } from "./components/champs/registry";

export const streamTimeout = 5_000;

// The server renders any form: every field type's components, loaded once (decision 0014).
const champComponents = loadAllChampComponents();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = loadContext.get(requestContext).nonce;
  await champComponents;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Crawlers and no-JS clients get the whole document at once; browsers get it streamed.
    const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      [readyEvent]() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) loggerOf(loadContext).error({ err: error, url: logUrl(request) }, "page rendering error");
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Errors of loaders, actions and rendering, as one JSON log line (React Router's default prints a multi-line stack). */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const log = loggerOf(context as RouterContextProvider | undefined);
  // React Router's own 4xx (no route matches the URL, method not allowed) are the client's doing.
  if (isRouteErrorResponse(error) && error.status < 500) {
    log.info({ status: error.status, method: request.method, url: logUrl(request) }, "page refused");
    return;
  }
  const err = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error;
  log.error({ err, method: request.method, url: logUrl(request) }, "page error");
};

function loggerOf(context: RouterContextProvider | undefined) {
  try {
    return context?.get(servicesContext).logger ?? processLogger;
  } catch {
    return processLogger;
  }
}

function logUrl(request: Request) {
  const url = new URL(request.url);
  return redactUrl(`${url.pathname}${url.search}`);
}
