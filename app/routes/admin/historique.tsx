/**
 * The démarche's « Historique »: who did what on the démarche itself (publications, closing,
 * administrateurs added or removed, experts settings, monthly archives asked and prepared), newest
 * first, 50 per page (keyset on the event id). Read from the domain event stream; scoped to the démarche's administrateurs (404).
 */
import { data } from "react-router";
import { archiveMonthLabel } from "../../../server/domain/archives/archives";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { loadDemarcheHistory } from "../../../server/queries/admin/administrateurs";
import { useLocale, useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/historique";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "equipe"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const raw = new URL(request.url).searchParams.get("avant");
  const before = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  return loadDemarcheHistory(services(context).db, admin.administrateurId, demarcheIdOf(params), before);
}

/** Nothing to post here; out of scope is still a 404. */
export async function action({ context, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  await findAdministrableDemarche(services(context).db, admin.administrateurId, demarcheIdOf(params));
  throw data({ status: 405 }, { status: 405 });
}

export default function AdminHistorique({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  });
  const { demarche, entries, nextBefore } = loaderData;
  const title = t("equipe.historique.title");
  const base = `/admin/procedures/${demarche.id}/historique`;
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("equipe.historique.lead")}</p>
      {entries.length === 0 ? (
        <p>{t("equipe.historique.empty")}</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption className="fr-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("equipe.historique.date")}</th>
                <th scope="col">{t("equipe.historique.author")}</th>
                <th scope="col">{t("equipe.historique.action")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.format(new Date(entry.createdAt))}</td>
                  <td>{entry.actorEmail ?? t("equipe.historique.system")}</td>
                  <td>
                    {t(historyKey(entry) as "equipe.historique.kinds.close", {
                      subject: entry.month ? archiveMonthLabel(entry.month, locale) : entry.subject,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore !== null ? (
        <p>
          <a className="fr-btn fr-btn--secondary" href={`${base}?avant=${nextBefore}`}>
            {t("equipe.historique.older")}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The sentence of an entry: by kind, and by change for the kinds that tell which (groupes, webhooks). */
function historyKey(entry: { kind: string; change: string | null }): string {
  const kind = `equipe.historique.kinds.${entry.kind.replace(/^demarche\./, "")}`;
  return entry.change ? `${kind}.${entry.change}` : kind;
}
