/**
 * Hands a request whose body has been read (a multipart form whose files went to storage) on to
 * React Router with a new body: a copy of the Express request, same URL, headers and socket,
 * whose stream yields `body`. The page's action then reads `request.formData()` as usual.
 */
import { IncomingMessage } from "node:http";
import type { Request } from "express";

export function requestWithBody(req: Request, body: Buffer, contentType: string): Request {
  const replay = new IncomingMessage(req.socket) as Request;
  // Express's request prototype (req.get, req.ip, req.app…) on a fresh stream.
  Object.setPrototypeOf(replay, Object.getPrototypeOf(req));
  const headers = { ...req.headers, "content-type": contentType, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  Object.assign(replay, {
    method: req.method,
    url: req.url,
    originalUrl: req.originalUrl,
    baseUrl: req.baseUrl,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    headers,
    res: req.res,
    complete: true,
  });
  // The body is all here: reading must not touch the socket (it carries the next request).
  replay._read = () => {};
  replay.push(body);
  replay.push(null);
  return replay;
}

/**
 * The same URL as a GET without body: how a request whose body was already read is handed to the
 * pages when the answer is the site's 404 page (a POST would wait for a body that is gone).
 */
export function requestAsGet(req: Request): Request {
  const replay = requestWithBody(req, Buffer.alloc(0), "text/plain");
  replay.method = "GET";
  delete replay.headers["content-type"];
  delete replay.headers["content-length"];
  return replay;
}
