import { data, type MiddlewareFunction } from "react-router";
import { CSRF_FIELD, isValidCsrfToken } from "../../server/http/csrf";
import { requestContext } from "../../server/http/context";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Every state-changing request to a page must be a form carrying the CSRF field. Checked once here,
 * before any action runs, so no action can forget it; a failure changes nothing and explains why.
 */
export const csrfMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const state = context.get(requestContext);
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    let token: unknown = null;
    if (FORM_TYPES.includes(type)) {
      try {
        token = (await request.clone().formData()).get(CSRF_FIELD);
      } catch {
        token = null;
      }
    }
    if (!isValidCsrfToken(state.csrfToken, token)) {
      throw data({ status: 403, reason: "csrf" }, { status: 403 });
    }
  }
  return next();
};

/** Cookies decided during the request (session, CSRF seed, locale) are added to whatever answer goes out. */
export const cookiesMiddleware: MiddlewareFunction<Response> = async ({ context }, next) => {
  const state = context.get(requestContext);
  let response: Response;
  try {
    response = await next();
  } catch (thrown) {
    if (thrown instanceof Response) {
      for (const cookie of state.setCookies) thrown.headers.append("Set-Cookie", cookie);
    }
    throw thrown;
  }
  for (const cookie of state.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
};
