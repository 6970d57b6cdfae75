/**
 * /preremplir/:path — public page for integrators: how to prefill dossiers of this démarche by link
 * or API (see preremplir.server.ts). Works without JavaScript: the example fields are chosen with a
 * GET form.
 */
import { useT } from "../../lib/i18n";
import type { Route } from "./+types/preremplir";
import { IDENTITY_KEY } from "./preremplir-form";
import { loadPreremplir, type PrefillFieldRow } from "./preremplir.server";
import { DsfrTable } from "../../components/dsfr/table";

export const handle = { i18n: ["champs", "prefill", "usager"] };

export async function loader(args: Route.LoaderArgs) {
  return loadPreremplir(args);
}

/** More values than this are folded in a disclosure. */
const FOLD_CHOICES_FROM = 10;

function Choices({ row }: { row: PrefillFieldRow }) {
  const t = useT();
  if (!row.prefillable || !row.choices || row.choices.length === 0) return null;
  const list = (
    <ul className="fr-mt-1v fr-mb-0">
      {row.choices.map((choice) => (
        <li key={choice}>
          <code>{choice}</code>
        </li>
      ))}
    </ul>
  );
  const title = t("prefill.page.choices", { count: row.choices.length });
  return (
    <>
      {row.choices.length > FOLD_CHOICES_FROM ? (
        <details className="fr-mt-1v">
          <summary>{title}</summary>
          {list}
        </details>
      ) : (
        <>
          <p className="fr-text--sm fr-mt-1v fr-mb-0">{title}</p>
          {list}
        </>
      )}
      {row.otherAccepted ? <p className="fr-text--sm fr-mt-1v fr-mb-0">{t("prefill.page.otherAccepted")}</p> : null}
    </>
  );
}

function IncludeCheckbox({
  id,
  name,
  value,
  label,
  checked,
}: {
  id: string;
  name: string;
  value: string;
  label: string;
  checked: boolean;
}) {
  return (
    <div className="fr-checkbox-group fr-checkbox-group--sm">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <label className="fr-label" htmlFor={id}>
        <span className="fr-sr-only">{label}</span>
      </label>
    </div>
  );
}

function FieldRows({ row, parent }: { row: PrefillFieldRow; parent: string | null }) {
  const t = useT();
  return (
    <>
      <tr>
        <td>
          {parent === null && row.prefillable ? (
            <IncludeCheckbox
              id={`inclure-${row.stableId}`}
              name="champ"
              value={String(row.stableId)}
              label={t("prefill.page.includeLabel", { libelle: row.libelle })}
              checked={row.included}
            />
          ) : null}
        </td>
        <th scope="row">
          {parent !== null ? <span className="fr-text--sm fr-text-mention--grey">{`${parent} › `}</span> : null}
          {row.libelle}
        </th>
        <td>{row.prefillable ? <code>{row.key}</code> : null}</td>
        <td>{row.typeLabel}</td>
        <td>
          {row.format}
          <Choices row={row} />
        </td>
        <td>{row.prefillable && row.example !== null ? <code>{row.example}</code> : null}</td>
      </tr>
      {row.children.map((child) => (
        <FieldRows key={child.stableId} row={child} parent={row.libelle} />
      ))}
    </>
  );
}

function Code({ children }: { children: string }) {
  return (
    <pre
      className="fr-p-2w fr-mb-2w"
      style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", background: "var(--background-alt-grey)" }}
    >
      <code>{children}</code>
    </pre>
  );
}

export default function Preremplir({ loaderData: data }: Route.ComponentProps) {
  const t = useT();
  const identityRows = [
    {
      key: "identite_prenom",
      label: t("prefill.identity.prenom"),
      format: t("prefill.identity.textFormat"),
      example: t("prefill.examples.prenom"),
    },
    {
      key: "identite_nom",
      label: t("prefill.identity.nom"),
      format: t("prefill.identity.textFormat"),
      example: t("prefill.examples.nom"),
    },
    { key: "identite_genre", label: t("prefill.identity.civilite"), format: t("prefill.identity.civiliteFormat"), example: "M." },
  ];
  const columns = (
    <thead>
      <tr>
        <th scope="col">
          <span className="fr-sr-only">{t("prefill.page.columns.include")}</span>
        </th>
        <th scope="col">{t("prefill.page.columns.libelle")}</th>
        <th scope="col">{t("prefill.page.columns.key")}</th>
        <th scope="col">{t("prefill.page.columns.type")}</th>
        <th scope="col">{t("prefill.page.columns.accepted")}</th>
        <th scope="col">{t("prefill.page.columns.example")}</th>
      </tr>
    </thead>
  );
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("prefill.page.title", { libelle: data.libelle }) })}</title>
      <h1>{t("prefill.page.heading", { libelle: data.libelle })}</h1>
      <p>{t("prefill.page.intro")}</p>
      {data.test ? (
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <p>{t("prefill.page.testWarning")}</p>
        </div>
      ) : null}

      <form method="get" className="fr-mb-6w">
        <input type="hidden" name="examples" value="1" />
        <h2>{t("prefill.page.fieldsHeading")}</h2>
        {data.fields.length === 0 ? (
          <p>{t("prefill.page.noFields")}</p>
        ) : (
          <DsfrTable caption={t("prefill.page.fieldsCaption")}>
            {columns}
            <tbody>
              {data.fields.map((row) => (
                <FieldRows key={row.stableId} row={row} parent={null} />
              ))}
            </tbody>
          </DsfrTable>
        )}

        {data.forIndividual ? (
          <>
            <h3>{t("prefill.page.identityHeading")}</h3>
            <p>{t("prefill.page.identityIntro")}</p>
            <DsfrTable caption={t("prefill.page.identityHeading")}>
              {columns}
              <tbody>
                {identityRows.map((row, index) => (
                  <tr key={row.key}>
                    <td>
                      {index === 0 ? (
                        <IncludeCheckbox
                          id="inclure-identite"
                          name="champ"
                          value={IDENTITY_KEY}
                          label={t("prefill.page.includeLabel", { libelle: t("prefill.page.identityHeading") })}
                          checked={data.identityIncluded}
                        />
                      ) : null}
                    </td>
                    <th scope="row">{row.label}</th>
                    <td>
                      <code>{row.key}</code>
                    </td>
                    <td>{t("champs.types.text")}</td>
                    <td>{row.format}</td>
                    <td>
                      <code>{row.example}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DsfrTable>
          </>
        ) : null}
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("prefill.page.updateExamples")}
        </button>
      </form>

      <section aria-labelledby="prefill-link" className="fr-mb-6w">
        <h2 id="prefill-link">{t("prefill.page.linkHeading")}</h2>
        <p>{t("prefill.page.linkIntro")}</p>
        <Code>{data.link}</Code>
        <p className="fr-text--sm">{t("prefill.page.linkLength", { length: data.linkLength })}</p>
        {data.linkTooLong ? (
          <div className="fr-alert fr-alert--warning" role="status">
            <h3 className="fr-alert__title">{t("prefill.page.linkTooLongTitle")}</h3>
            <p>{t("prefill.page.linkTooLong")}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="prefill-api" className="fr-mb-6w">
        <h2 id="prefill-api">{t("prefill.page.apiHeading")}</h2>
        <p>{t("prefill.page.apiIntro")}</p>
        <h3 className="fr-h6">{t("prefill.page.apiRequest")}</h3>
        <Code>{data.curl}</Code>
        <h3 className="fr-h6">{t("prefill.page.apiResponse")}</h3>
        <Code>{data.response}</Code>
        <p>{t("prefill.page.apiStatusIntro")}</p>
        <Code>{data.statusCurl}</Code>
      </section>

      <section aria-labelledby="prefill-schema">
        <h2 id="prefill-schema">{t("prefill.page.schemaHeading")}</h2>
        <p>{t("prefill.page.schemaIntro")}</p>
        <p>
          <a className="fr-link" href={data.schemaUrl}>
            {t("prefill.page.schemaLink")}
          </a>
        </p>
      </section>
    </>
  );
}
