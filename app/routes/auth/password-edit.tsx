import { PasswordChoicePage } from "./password-choice-page";
import { passwordChoiceAction, passwordChoiceLoader } from "./password-choice.server";
import { authHeaders } from "./session.server";
import type { Route } from "./+types/password-edit";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  return passwordChoiceLoader("reset_password", request, context);
}

/** New password through a reset link: other sessions closed, signed in again, sent home. */
export async function action({ request, context }: Route.ActionArgs) {
  return passwordChoiceAction("reset_password", request, context);
}

export default function PasswordEdit({ loaderData, actionData }: Route.ComponentProps) {
  return <PasswordChoicePage kind="passwordEdit" loaderData={loaderData} actionData={actionData} />;
}
