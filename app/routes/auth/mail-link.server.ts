/**
 * The action of every account form that mails a link to the address typed (sign-up, new
 * confirmation link, forgotten password): the same answer whatever the address, the form again
 * with its errors, or the rate-limit page.
 */
import { data, type RouterContextProvider } from "react-router";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../../server/db/client";
import type { Invalid, RateLimited } from "../../../server/operations/accounts/fields";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { tooManyRequests } from "./session.server";

/** What every link-mailing operation takes from the request. */
export interface MailLinkInput {
  email: string;
  locale: Locale;
  ip: string;
  redirectTo: string;
}

type MailLinkResult<F extends string> = { ok: true; email: string } | Invalid<F> | RateLimited;

/**
 * Reads the form, calls `send` (the operation; `form` gives it any other field it needs) and turns
 * its result into the page's action data: `{ sent, email }`, `{ values, errors }` (400), or the
 * rate-limit answer (429). The e-mail typed is sent back so that nothing is lost.
 */
export async function mailLinkAction<F extends string>(
  request: Request,
  context: Readonly<RouterContextProvider>,
  send: (db: Db, input: MailLinkInput, form: FormData) => Promise<MailLinkResult<F>>,
) {
  const form = await readForm(request);
  const state = requestState(context);
  const values = { email: formString(form, "email") };
  const input = { email: values.email, locale: state.locale, ip: state.clientIp, redirectTo: formString(form, "redirect_to") };
  const result = await send(services(context).db, input, form);
  if (result.ok) return { sent: true as const, email: result.email };
  if (result.reason === "rate_limited") return tooManyRequests({ values }, result.retryAfterSeconds);
  return data({ values, errors: result.errors }, { status: 400 });
}
