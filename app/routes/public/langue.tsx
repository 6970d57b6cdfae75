import { redirect } from "react-router";
import { isLocale } from "../../../common/i18n";
import { setUserLocale } from "../../../server/operations/accounts/set-locale";
import { localeCookie } from "../../lib/locale-cookie.server";
import { formString, readForm, requestState, safeRedirectPath, services } from "../../lib/request.server";
import type { Route } from "./+types/langue";

export async function loader() {
  return redirect("/");
}

/**
 * Stores the chosen language in this browser for a year and, for a signed-in user, on the account:
 * their e-mails follow it, and it is the language of their pages at their next sign-in elsewhere.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const locale = formString(form, "locale");
  const state = requestState(context);
  if (isLocale(locale)) {
    state.setCookies.push(localeCookie(context, locale));
    if (state.user) await setUserLocale(services(context).db, state.user.id, locale);
  }
  return redirect(safeRedirectPath(formString(form, "redirect_to")));
}
