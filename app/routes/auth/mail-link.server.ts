/**
 * The action of every account form that mails a link to the address typed (sign-up, new
 * confirmation link, forgotten password): the same answer whatever the address, the form again
 * with its errors, or the rate-limit page.
 */
import { data, type RouterContextProvider } from "react-router";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../../server/db/client";
import type { AccountRefused } from "../../../server/operations/accounts/fields";
import { retryAfterSecondsOf } from "../../../server/refusal";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { fieldErrorKeys, tooManyRequests } from "./session.server";

/** What every link-mailing operation takes from the request. */
export interface MailLinkInput {
  email: string;
  locale: Locale;
  ip: string;
  redirectTo: string;
}

type MailLinkResult = { ok: true; email: string } | AccountRefused;

/**
 * Reads the form, calls `send` (the operation; `form` gives it any other field it needs) and turns
 * its result into the page's action data: `{ sent, email }`, `{ values, errors }` (400), or the
 * rate-limit answer (429). The e-mail typed is sent back so that nothing is lost.
 */
export async function mailLinkAction(
  request: Request,
  context: Readonly<RouterContextProvider>,
  send: (db: Db, input: MailLinkInput, form: FormData) => Promise<MailLinkResult>,
) {
  const form = await readForm(request);
  const state = requestState(context);
  const values = { email: formString(form, "email") };
  const input = { email: values.email, locale: state.locale, ip: state.clientIp, redirectTo: formString(form, "redirect_to") };
  const result = await send(services(context).db, input, form);
  if (result.ok) return { sent: true as const, email: result.email };
  const wait = retryAfterSecondsOf(result.refusals);
  if (wait !== null) return tooManyRequests({ values }, wait);
  return data({ values, errors: fieldErrorKeys(result.refusals) }, { status: 400 });
}
