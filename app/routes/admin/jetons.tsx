/**
 * The administrateur's « Jetons d'API »: their tokens (prefix, démarches, rights, networks, last use,
 * expiry, state), renew one (the new secret is shown once, in the response to that POST), and the
 * links to create or revoke one. Only their own tokens: another's id is a 404 and nothing changes.
 */
import { data, Form } from "react-router";
import { renewApiToken } from "../../../server/operations/api-tokens/renew-api-token";
import { listApiTokens } from "../../../server/queries/admin/api-tokens";
import { DsfrTable } from "../../components/dsfr/table";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/jetons";
import { Breadcrumb, Notice, PageTitle, useFormatDate } from "./ui/layout";
import { TokenSecret } from "./ui/token-secret";

export const handle = { i18n: ["admin", "equipe", "console"] };

/** A page showing a secret is never cached (the action sets `Cache-Control: no-store`). */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { tokens } = await listApiTokens(services(context).db, admin.administrateurId);
  const notice = new URL(request.url).searchParams.get("notice") === "revoked" ? ("revoked" as const) : null;
  return { tokens, notice, now: new Date().toISOString() };
}

type ActionData = { secret: { name: string; bearer: string } } | { error: string };

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const form = await readForm(request);
  if (formString(form, "intent") !== "renew") throw data({ status: 400 }, { status: 400 });
  const tokenId = formString(form, "tokenId");
  const result = await renewApiToken(db, admin.administrateurId, tokenId);
  if (!result.ok) return data<ActionData>({ error: tFor(context)("equipe.jetons.errors.token_expired") }, { status: 422 });
  const { tokens } = await listApiTokens(db, admin.administrateurId);
  const name = tokens.find((t) => t.id === result.id)?.name ?? "";
  return data<ActionData>({ secret: { name, bearer: result.bearer } }, { headers: { "Cache-Control": "no-store" } });
}

export default function AdminJetons({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const formatDate = useFormatDate();
  const { tokens, notice, now } = loaderData;
  const title = t("equipe.jetons.title");
  const secret = actionData && "secret" in actionData ? actionData.secret : null;
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <>
      <PageTitle title={title} error={error !== null} />
      <Breadcrumb current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("equipe.jetons.lead")}</p>
      {notice && !actionData ? <Notice kind="success" title={t("equipe.jetons.notices.revoked")} /> : null}
      {error ? <Notice kind="error" title={error} /> : null}
      {secret ? <TokenSecret name={secret.name} bearer={secret.bearer} /> : null}
      <p>
        <a className="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/jetons/nouveau">
          {t("equipe.jetons.create")}
        </a>
      </p>
      <p>
        <a className="fr-link fr-icon-terminal-box-line fr-link--icon-left" href="/graphql">
          {t("console.tokensPageLink")}
        </a>
      </p>
      <h2>{t("equipe.jetons.listTitle")}</h2>
      {tokens.length === 0 ? (
        <p>{t("equipe.jetons.empty")}</p>
      ) : (
        <DsfrTable
          caption={t("equipe.jetons.listTitle")}
          captionHidden
          columns={[
            t("equipe.jetons.name"),
            t("equipe.jetons.prefix"),
            t("equipe.jetons.scope"),
            t("equipe.jetons.access"),
            t("equipe.jetons.networks"),
            t("equipe.jetons.lastUsed"),
            t("equipe.jetons.status"),
            t("equipe.administrateurs.actions"),
          ]}
        >
          <tbody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= new Date(now).getTime();
              return (
                <tr key={token.id} data-token-id={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    {token.demarches === null
                      ? t("equipe.jetons.scopeAll")
                      : token.demarches.map((d) => `${d.id} – ${d.libelle}`).join(", ")}
                  </td>
                  <td>{token.writeAccess ? t("equipe.jetons.readWrite") : t("equipe.jetons.readOnly")}</td>
                  <td>
                    {token.authorizedNetworks.length ? token.authorizedNetworks.join(", ") : t("equipe.jetons.networksAny")}
                  </td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t("equipe.jetons.never")}</td>
                  <td>
                    {token.revokedAt
                      ? t("equipe.jetons.revoked", { date: formatDate(token.revokedAt) })
                      : expired
                        ? t("equipe.jetons.expired")
                        : token.expiresAt
                          ? t("equipe.jetons.expiresAt", { date: formatDate(token.expiresAt) })
                          : t("equipe.jetons.active")}
                  </td>
                  <td>
                    {token.revokedAt ? null : (
                      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                        {expired ? null : (
                          <li>
                            <Form method="post">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="renew" />
                              <input type="hidden" name="tokenId" value={token.id} />
                              <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                                {t("equipe.jetons.renew", { name: token.name })}
                              </button>
                            </Form>
                          </li>
                        )}
                        <li>
                          <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={`/admin/jetons/${token.id}/revoquer`}>
                            {t("equipe.jetons.revoke", { name: token.name })}
                          </a>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DsfrTable>
      )}
    </>
  );
}
