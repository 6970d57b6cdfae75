/** /admin/procedures/corbeille: the administrateur's deleted démarches, restorable until deleted for good (a month). */
import { data, Form, redirect } from "react-router";
import { CORBEILLE_RETENTION_DAYS } from "../../../server/domain/demarches/lifecycle";
import { restoreDemarche } from "../../../server/operations/demarches/discard-demarche";
import { listCorbeille } from "../../../server/queries/admin/lifecycle";
import { CsrfInput } from "../../components/csrf-input";
import { DsfrTable } from "../../components/dsfr/table";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/corbeille";
import { intField } from "./admin.server";
import { Breadcrumb, Notice, PageTitle, StateBadge, useDynamicT, useFormatDate } from "./ui/layout";

export const handle = { i18n: ["admin", "cycle"] };

export async function loader({ context, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  return {
    demarches: await listCorbeille(services(context).db, admin.administrateurId),
    notice: new URL(request.url).searchParams.get("notice"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const form = await readForm(request);
  const demarcheId = intField(form, "demarcheId");
  if (demarcheId === null) throw data({ status: 400 }, { status: 400 });
  // Someone else's démarche: 404 (findAdministrableDemarche in the operation).
  const result = await restoreDemarche(services(context).db, admin.administrateurId, demarcheId);
  if (!result.ok) return redirect("/admin/procedures/corbeille");
  return redirect(`/admin/procedures/${demarcheId}?notice=restored`);
}

export default function Corbeille({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const formatDate = useFormatDate();
  const title = t("cycle.corbeille.title");
  return (
    <>
      <PageTitle title={title} />
      <Breadcrumb current={title} />
      <h1>{title}</h1>
      {loaderData.notice ? (
        <Notice kind="success">
          <p>{dt(`cycle.corbeille.notices.${loaderData.notice}`)}</p>
        </Notice>
      ) : null}
      <p>{t("cycle.corbeille.lead", { days: CORBEILLE_RETENTION_DAYS })}</p>
      {loaderData.demarches.length === 0 ? (
        <p>{t("cycle.corbeille.empty")}</p>
      ) : (
        <DsfrTable caption={title} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.columns.number")}</th>
              <th scope="col">{t("admin.dashboard.columns.libelle")}</th>
              <th scope="col">{t("admin.dashboard.columns.state")}</th>
              <th scope="col">{t("cycle.corbeille.deletedAt")}</th>
              <th scope="col">{t("cycle.corbeille.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.demarches.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <th scope="row">{d.libelle}</th>
                <td>
                  <StateBadge state={d.state} small />
                </td>
                <td>{formatDate(d.hiddenAt)}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="demarcheId" value={d.id} />
                    <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                      {t("cycle.corbeille.restore")}
                      <span className="fr-sr-only"> {t("cycle.corbeille.restoreLabel", { libelle: d.libelle })}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
    </>
  );
}
