import { PasswordChoicePage } from "./password-choice-page";
import { passwordChoiceAction, passwordChoiceLoader } from "./password-choice.server";
import { authHeaders } from "./session.server";
import type { Route } from "./+types/invitation";

export const headers: Route.HeadersFunction = (args) => authHeaders(args);

export async function loader({ request, context }: Route.LoaderArgs) {
  return passwordChoiceLoader("invitation", request, context);
}

/** First password of an invited account: activates it, signs in, goes to the user's space. */
export async function action({ request, context }: Route.ActionArgs) {
  return passwordChoiceAction("invitation", request, context);
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  return <PasswordChoicePage kind="invitation" loaderData={loaderData} actionData={actionData} />;
}
