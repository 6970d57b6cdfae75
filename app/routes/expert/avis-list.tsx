/** The expert's avis, per démarche: « avis à donner » and « avis donnés » (scoped to the avis addressed to them). */
import { listExpertAvis } from "../../../server/queries/expert/avis";
import { formatDateTime } from "../../lib/dates";
import { useT } from "../../lib/i18n";
import { currentExpert } from "../../lib/persona-guard.server";
import { requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/avis-list";

export const handle = { i18n: ["avis", "dossiers", "instructeur"] };

export async function loader({ context }: Route.LoaderArgs) {
  const expert = currentExpert(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const groups = await listExpertAvis(services(context).db, expert.expertId);
  const row = (r: (typeof groups)[number]["toGive"][number]) => ({
    id: r.id,
    dossierId: r.dossierId,
    state: r.dossierState,
    createdAt: formatDateTime(r.createdAt, locale, t),
    answeredAt: formatDateTime(r.answeredAt, locale, t),
  });
  return {
    demarches: groups.map((g) => ({ id: g.id, libelle: g.libelle, toGive: g.toGive.map(row), given: g.given.map(row) })),
  };
}

type Row = Route.ComponentProps["loaderData"]["demarches"][number]["toGive"][number];

function AvisTable({ caption, rows, given }: { caption: string; rows: Row[]; given: boolean }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <div className="fr-table fr-mb-3w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("avis.expert.colDossier")}</th>
            <th scope="col">{t("avis.expert.colState")}</th>
            <th scope="col">{given ? t("avis.expert.colAnswered") : t("avis.expert.colAsked")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/avis/${r.id}`}>{t("avis.expert.open", { number: r.dossierId })}</a>
              </td>
              <td>{t(`dossiers.states.${r.state}`)}</td>
              <td>{given ? r.answeredAt : r.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ExpertAvisList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { demarches } = loaderData;
  return (
    <>
      <title>{t("avis.pageTitle", { title: t("avis.expert.title") })}</title>
      <h1>{t("avis.expert.title")}</h1>
      <p className="fr-text--lead">{t("avis.expert.lead")}</p>
      {demarches.length === 0 ? <p>{t("avis.expert.none")}</p> : null}
      {demarches.map((d) => (
        <section key={d.id} aria-labelledby={`demarche-${d.id}`} className="fr-mb-4w">
          <h2 id={`demarche-${d.id}`} className="fr-h4">
            {t("avis.expert.demarche", { libelle: d.libelle })}
          </h2>
          <AvisTable caption={t("avis.expert.toGive", { count: d.toGive.length })} rows={d.toGive} given={false} />
          <AvisTable caption={t("avis.expert.given", { count: d.given.length })} rows={d.given} given />
        </section>
      ))}
    </>
  );
}
