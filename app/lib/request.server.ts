/**
 * Helpers every loader and action uses to reach the services and the signed-in user, and to turn
 * authorization failures into the same answers everywhere (sign-in redirect, or 404).
 */
import { data, redirect, type RouterContextProvider } from "react-router";
import type { FormInput } from "../../server/domain/champs/definition";
import { requestContext, servicesContext, type CurrentUser } from "../../server/http/context";
import { getT } from "../../common/i18n";
import { isSafeRelativePath } from "../../common/safe-path";

type Ctx = Readonly<RouterContextProvider>;

export function services(context: Ctx) {
  return context.get(servicesContext);
}

export function requestState(context: Ctx) {
  return context.get(requestContext);
}

export function tFor(context: Ctx) {
  return getT(requestState(context).locale);
}

/** 404 for anything the user may not see: existence is never leaked. */
export function notFound(): never {
  throw data({ status: 404 }, { status: 404 });
}

/** A positive integer from the URL, or 404. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  return id;
}

export function signInUrl(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return `/users/sign_in?redirect_to=${encodeURIComponent(back)}`;
}

/** For an action of a public page that needs a user (persona pages read theirs from their layout: persona-guard.server.ts). */
export function requireUser(context: Ctx, request: Request): CurrentUser {
  const user = requestState(context).user;
  if (!user) throw redirect(signInUrl(request));
  return user;
}

/** Only paths of this site are accepted as redirect targets (no open redirect; see safe-path.ts). */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  return isSafeRelativePath(value) ? value : fallback;
}

/** Reads the already CSRF-checked form of an action (the root middleware verified it). */
export async function readForm(request: Request): Promise<FormData> {
  return request.formData();
}

export function formString(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

/** What one input name gave: nothing, one value or several (the "Autre" choice and its text share a name). */
export function formFieldReader(form: FormData): (name: string) => FormInput {
  return (name) => {
    const values = form.getAll(name).filter((v): v is string => typeof v === "string");
    if (values.length === 0) return undefined;
    return values.length === 1 ? values[0] : values;
  };
}
