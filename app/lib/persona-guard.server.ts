/**
 * Who may enter a persona's pages, decided once by the middleware of the persona's layout route
 * (`app/routes/<persona>/layout.tsx`) rather than by each loader and action: the pages read the
 * admitted user with `currentUser` / `currentInstructeur` / `currentAdministrateur`.
 *
 * - An anonymous visitor is sent to sign in and come back, or — on pages about one object (a
 *   dossier), where existence must not leak — gets the same 404 as anyone without access.
 * - A signed-in user without the persona's profile gets 404. Actions never run (nothing changes).
 *   A page's 404 is thrown by the layout's loader, so it renders in the pages' error boundary with
 *   the root loader's data (header, CSRF token), as any other page error does. A refused form posted
 *   without JavaScript is answered with its page's GET (`RequestState.renderAsGet`): the same 404.
 */
import { createContext, type MiddlewareFunction, type RouterContextProvider, redirect } from "react-router";
import type { CurrentUser } from "../../server/http/context";
import { notFound, requestState, signInUrl } from "./request.server";

type Ctx = Readonly<RouterContextProvider>;

/** `user`: any signed-in user (the usager's pages, the profile); the others need that profile. */
export type Persona = "user" | "instructeur" | "administrateur" | "expert";
export type WhenAnonymous = "sign-in" | "not-found";

type Admission = { persona: Persona; user: CurrentUser } | { refused: true };

const admissionContext = createContext<Admission | null>(null);

function hasProfile(user: CurrentUser, persona: Persona): boolean {
  if (persona === "instructeur") return user.instructeurId !== null;
  if (persona === "administrateur") return user.administrateurId !== null;
  if (persona === "expert") return user.expertId !== null;
  return true;
}

/** The middleware of a persona's layout route. */
export function personaGuard(persona: Persona, whenAnonymous: WhenAnonymous): MiddlewareFunction<Response> {
  return ({ request, context }, next) => {
    const user = requestState(context).user;
    if (!user && whenAnonymous === "sign-in") throw redirect(signInUrl(request));
    if (user && hasProfile(user, persona)) {
      context.set(admissionContext, { persona, user });
      return next();
    }
    // Refused: no action may run; a page still renders its 404 below the root (see `admitted`).
    if (request.method !== "GET" && request.method !== "HEAD") {
      // A form posted without JavaScript gets the page's GET, hence the same 404 page (a middleware's
      // own error would render without the root loader's data: no header). A `.data` fetch keeps
      // the page it is on, header included: the bare 404 is enough.
      const renderAsGet = requestState(context).renderAsGet;
      if (renderAsGet) return renderAsGet();
      notFound();
    }
    context.set(admissionContext, { refused: true });
    return next();
  };
}

function admittedAs(context: Ctx, persona: Persona): CurrentUser {
  const admission = context.get(admissionContext);
  if (admission === null) throw new Error(`page outside a "${persona}" layout route: it has no persona guard`);
  if ("refused" in admission) notFound();
  if (admission.persona !== persona) throw new Error(`page under a "${admission.persona}" layout asks for "${persona}"`);
  return admission.user;
}

/** The loader of a persona's layout route: the 404 of a refused visitor (see the module comment). */
export function admitted(context: Ctx): null {
  const admission = context.get(admissionContext);
  if (admission === null || "refused" in admission) notFound();
  return null;
}

/** The signed-in user of a page under a `user` layout. */
export function currentUser(context: Ctx): CurrentUser {
  return admittedAs(context, "user");
}

export function currentInstructeur(context: Ctx): CurrentUser & { instructeurId: number } {
  const user = admittedAs(context, "instructeur");
  return { ...user, instructeurId: user.instructeurId as number };
}

export function currentAdministrateur(context: Ctx): CurrentUser & { administrateurId: number } {
  const user = admittedAs(context, "administrateur");
  return { ...user, administrateurId: user.administrateurId as number };
}

export function currentExpert(context: Ctx): CurrentUser & { expertId: number } {
  const user = admittedAs(context, "expert");
  return { ...user, expertId: user.expertId as number };
}
