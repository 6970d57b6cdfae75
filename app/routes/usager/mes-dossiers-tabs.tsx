/**
 * The tabs of « Mes dossiers » (my dossiers, brouillons expiring soon, the dossiers shared with me,
 * transfers, « Supprimés récemment ») and the search form above the lists: a GET form (works
 * without JavaScript) whose parameters the tabs' links keep.
 */
import { useRouteLoaderData } from "react-router";
import { SectionTabs } from "../../components/dsfr/section-tabs";
import { useT } from "../../lib/i18n";
import type { loader } from "./layout";

type Tab = "mine" | "expirants" | "invites" | "transferts" | "supprimes";

const PATHS: Record<Tab, string> = {
  mine: "/dossiers",
  expirants: "/dossiers/expirants",
  invites: "/dossiers/invites",
  transferts: "/dossiers/transferts",
  supprimes: "/dossiers/supprimes",
};

function useMesDossiers() {
  return useRouteLoaderData<typeof loader>("routes/usager/layout");
}

/** `?q=…&demarche=…` of the current search ("" without one), for the links that keep it. */
export function useFilterQuery(): string {
  const filter = useMesDossiers()?.filter;
  const params = new URLSearchParams();
  if (filter?.q) params.set("q", filter.q);
  if (filter?.demarcheId) params.set("demarche", String(filter.demarcheId));
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** Whether a search or a démarche filter is applied (for the empty-state message). */
export function useFiltered(): boolean {
  const filter = useMesDossiers()?.filter;
  return Boolean(filter?.q || filter?.demarcheId);
}

export function MesDossiersTabs({ current }: { current: Tab }) {
  const t = useT();
  const query = useFilterQuery();
  const expiringCount = useMesDossiers()?.expiringCount ?? 0;
  const tab = (key: Tab, label: string) => ({ key, href: `${PATHS[key]}${key === "transferts" ? "" : query}`, label });
  return (
    <>
      <SectionTabs
        label={t("usager.partage.mesDossiersTabs.label")}
        current={current}
        tabs={[
          tab("mine", t("usager.partage.mesDossiersTabs.mine")),
          tab("expirants", t("usager.partage.mesDossiersTabs.expirants", { count: expiringCount })),
          tab("invites", t("usager.partage.mesDossiersTabs.invites")),
          tab("transferts", t("usager.partage.mesDossiersTabs.transferts")),
          tab("supprimes", t("usager.partage.mesDossiersTabs.supprimes")),
        ]}
      />
      {current === "transferts" ? null : <MesDossiersSearch action={PATHS[current]} />}
    </>
  );
}

function MesDossiersSearch({ action }: { action: string }) {
  const t = useT();
  const data = useMesDossiers();
  const filter = data?.filter;
  return (
    <form method="get" action={action} className="fr-mb-3w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--regular">{t("usager.recherche.legend")}</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-5">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="mes-dossiers-q">
              {t("usager.recherche.q")}
            </label>
            <input
              className="fr-input"
              type="search"
              id="mes-dossiers-q"
              name="q"
              maxLength={200}
              defaultValue={filter?.q ?? ""}
              aria-describedby={data?.truncated ? "mes-dossiers-q-truncated" : undefined}
            />
            {data?.truncated ? (
              <p className="fr-message fr-message--info" id="mes-dossiers-q-truncated">
                {t("usager.recherche.tooLong")}
              </p>
            ) : null}
          </div>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="mes-dossiers-demarche">
              {t("usager.recherche.demarche")}
            </label>
            <select className="fr-select" id="mes-dossiers-demarche" name="demarche" defaultValue={filter?.demarcheId ?? ""}>
              <option value="">{t("usager.recherche.allDemarches")}</option>
              {(data?.demarches ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.libelle}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-fieldset__element fr-col-12">
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" className="fr-btn fr-btn--secondary">
                {t("usager.recherche.submit")}
              </button>
            </li>
            {filter?.q || filter?.demarcheId ? (
              <li>
                <a className="fr-btn fr-btn--tertiary" href={action}>
                  {t("usager.recherche.reset")}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </fieldset>
    </form>
  );
}

/** The empty state of a list under a search that matched nothing. */
export function NoSearchResult() {
  const t = useT();
  return (
    <div className="fr-callout">
      <p className="fr-callout__text">{t("usager.recherche.noResult")}</p>
    </div>
  );
}
