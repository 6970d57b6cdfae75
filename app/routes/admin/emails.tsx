/**
 * The démarche's six state e-mails (`/admin/procedures/:id/emails`): each with when it is sent,
 * whether it is customised, and a tag to fix when the form changed since it was written.
 */
import { listDemarcheMailTemplates } from "../../../server/queries/admin/mail-templates";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/emails";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "modeles"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  return listDemarcheMailTemplates(services(context).db, admin.administrateurId, demarcheIdOf(params));
}

export default function Emails({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, templates } = loaderData;
  const title = t("modeles.list.title");
  const base = `/admin/procedures/${demarche.id}/emails`;
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("modeles.list.lead")}</p>
      <div className="fr-table">
        <table>
          <caption>{t("modeles.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("modeles.list.email")}</th>
              <th scope="col">{t("modeles.list.when")}</th>
              <th scope="col">{t("modeles.list.status")}</th>
              <th scope="col">
                <span className="fr-sr-only">{t("modeles.list.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => {
              const name = dt(`modeles.kinds.${template.kind}.name`);
              return (
                <tr key={template.kind} data-mail-template={template.kind}>
                  <th scope="row">{name}</th>
                  <td>{dt(`modeles.kinds.${template.kind}.when`)}</td>
                  <td>
                    {template.customised ? (
                      <p className="fr-badge fr-badge--sm fr-badge--info">{t("modeles.list.customised")}</p>
                    ) : (
                      <p className="fr-badge fr-badge--sm">{t("modeles.list.default")}</p>
                    )}
                    {template.problems.length > 0 ? (
                      <p className="fr-badge fr-badge--sm fr-badge--error fr-mt-1v">
                        {t("modeles.list.toFix")} : {template.problems.map((p) => p.tag).join(", ")}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <a className="fr-link" href={`${base}/${template.kind}`}>
                      {t("modeles.list.edit")}
                      <span className="fr-sr-only">{` ${name}`}</span>
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
