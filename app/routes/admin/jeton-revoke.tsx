/**
 * Confirmation before revoking an API token (GET shows it, POST revokes and goes back to the list).
 * Only the administrateur's own tokens: any other id is a 404 and nothing changes.
 */
import { Form, redirect } from "react-router";
import { revokeApiToken } from "../../../server/operations/api-tokens/revoke-api-token";
import { listApiTokens } from "../../../server/queries/admin/api-tokens";
import { CsrfInput } from "../../components/csrf-input";
import { SubmitCancel } from "../../components/dsfr/button-group";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { notFound, services } from "../../lib/request.server";
import type { Route } from "./+types/jeton-revoke";
import { Breadcrumb, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "equipe"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { tokens } = await listApiTokens(services(context).db, admin.administrateurId);
  const token = tokens.find((t) => t.id === params.tokenId && t.revokedAt === null);
  if (!token) notFound();
  return { token: { id: token.id, name: token.name, prefix: token.prefix } };
}

export async function action({ context, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  await revokeApiToken(services(context).db, admin.administrateurId, params.tokenId ?? "");
  return redirect("/admin/jetons?notice=revoked");
}

export default function AdminJetonRevoke({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { token } = loaderData;
  const title = t("equipe.jetons.revokeConfirmTitle", { name: token.name });
  return (
    <>
      <PageTitle title={title} />
      <Breadcrumb segments={[{ label: t("equipe.jetons.title"), href: "/admin/jetons" }]} current={title} />
      <h1>{title}</h1>
      <p>
        <code>{token.prefix}…</code>
      </p>
      <p>{t("equipe.jetons.revokeConfirmBody")}</p>
      <Form method="post">
        <CsrfInput />
        <SubmitCancel submit={t("equipe.jetons.revokeConfirm")} cancel={t("equipe.jetons.cancel")} cancelHref="/admin/jetons" />
      </Form>
    </>
  );
}
