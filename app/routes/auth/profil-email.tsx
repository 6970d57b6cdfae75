/**
 * /profil/email?token=…: the link sent to a new address. Opened by the signed-in account that asked
 * for it, it makes that address the account's; otherwise it says why it cannot be used.
 */
import { confirmEmailChange } from "../../../server/operations/accounts/change-email";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/profil-email";
import { PageTitle } from "./form-ui";

export const handle = { i18n: [] };

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = currentUser(context);
  const token = new URL(request.url).searchParams.get("token");
  const result = await confirmEmailChange(services(context).db, user.id, token);
  return result.ok ? { ok: true as const, email: result.email } : { ok: false as const, email: null };
}

export default function ProfilEmail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const title = t(loaderData.ok ? "auth.profile.changeEmail.confirmedTitle" : "auth.profile.changeEmail.failedTitle");
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>
        {loaderData.ok
          ? t("auth.profile.changeEmail.confirmed", { email: loaderData.email })
          : t("auth.profile.changeEmail.failed")}
      </p>
      <p>
        <a className="fr-link" href="/profil">
          {t("auth.profile.changeEmail.back")}
        </a>
      </p>
    </>
  );
}
