import { redirect } from "react-router";
import { LOCALE_COOKIE, serializeCookie } from "../../../server/http/cookies";
import { isLocale } from "../../../common/i18n";
import { formString, readForm, requestState, safeRedirectPath, services } from "../../lib/request.server";
import type { Route } from "./+types/langue";

export async function loader() {
  return redirect("/");
}

/** Stores the chosen language for a year; signed-in users also get it on their account later. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const locale = formString(form, "locale");
  const state = requestState(context);
  if (isLocale(locale)) {
    state.setCookies.push(
      serializeCookie(LOCALE_COOKIE, locale, { secure: services(context).config.secureCookies, maxAgeSeconds: 365 * 24 * 3600 }),
    );
  }
  return redirect(safeRedirectPath(formString(form, "redirect_to")));
}
