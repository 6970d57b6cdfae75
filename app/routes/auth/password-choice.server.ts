/**
 * Loader and action shared by the two "choose a password" pages reached from a mail: password
 * reset (/users/password/edit) and invitation (/users/invitation). Only the texts differ.
 */
import { data, type RouterContextProvider } from "react-router";
import { inspectEmailToken, isEmailTokenFailure } from "../../../server/operations/accounts/email-tokens";
import { resetPassword } from "../../../server/operations/accounts/reset-password";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { fieldErrorKeys, PASSWORD_RULES, redirectToParam, signedInRedirect, userAgentOf } from "./session.server";

type Ctx = Readonly<RouterContextProvider>;
type Purpose = "reset_password" | "invitation";

function tokenStatus(reason: "invalid" | "expired" | "used") {
  return reason === "invalid" ? 404 : 410;
}

export async function passwordChoiceLoader(purpose: Purpose, request: Request, context: Ctx) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await inspectEmailToken(services(context).db, token, purpose);
  if (!check.ok) {
    const reason = check.refusals[0]?.code ?? "invalid";
    return data({ valid: false as const, reason }, { status: tokenStatus(reason) });
  }
  return { valid: true as const, token, email: check.email, rules: PASSWORD_RULES, redirectTo: redirectToParam(request) };
}

export async function passwordChoiceAction(purpose: Purpose, request: Request, context: Ctx) {
  const form = await readForm(request);
  const result = await resetPassword(services(context).db, {
    token: formString(form, "token"),
    password: formString(form, "password"),
    purpose,
    userAgent: userAgentOf(request),
    previousSessionIdHash: requestState(context).sessionIdHash,
  });
  if (result.ok) return signedInRedirect(context, result, formString(form, "redirect_to"));
  const tokenError = result.refusals.map((r) => r.code).find(isEmailTokenFailure);
  if (!tokenError) return data({ errors: fieldErrorKeys(result.refusals) }, { status: 400 });
  return data({ tokenError }, { status: tokenStatus(tokenError) });
}
