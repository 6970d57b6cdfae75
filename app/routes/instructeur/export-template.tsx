import { data, redirect } from "react-router";
import type { TranslationKey } from "../../../common/i18n";
import { isTemplateKind, type TemplateKind } from "../../../server/domain/exports/templates";
import { deleteExportTemplate } from "../../../server/operations/exports/delete-export-template";
import { saveExportTemplate } from "../../../server/operations/exports/save-export-template";
import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { loadTemplateEditor } from "../../../server/queries/instructeur/export-templates";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/export-template";

export const handle = { i18n: ["champs", "exports", "fichiers", "instructeur"] };

/**
 * One export template of the instructeur's groupes (`nouveau?type=<kind>`: a new one): its name,
 * groupe, and either the columns (checkbox, position, header for each column of the démarche) or
 * the zip names (folder and file names from tags, files included); a preview on their first
 * dossiers; delete. Plain POST forms (no JavaScript needed); a refused form is shown again as typed.
 */
interface Values {
  name: string;
  groupeId: string;
  columns: Record<string, { checked: boolean; order: string; header: string }>;
  folder: string;
  items: Record<string, { checked: boolean; name: string }>;
}

function templateIdOf(param: string | undefined): number | null {
  return param === "nouveau" ? null : idParam(param);
}

function kindOf(url: URL): TemplateKind {
  const type = url.searchParams.get("type");
  return isTemplateKind(type) ? type : "xlsx";
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db, config } = services(context);
  const { locale } = requestState(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, idParam(params.id));
  const url = new URL(request.url);
  const editor = await loadTemplateEditor(
    db,
    config.appUrl,
    instructeur.instructeurId,
    demarche.id,
    templateIdOf(params.templateId),
    kindOf(url),
    tFor(context),
    locale,
  );
  const isNew = editor.template === null;
  const savedColumns = new Map(editor.columns.map((c, i) => [c.id, { order: i + 1, libelle: c.libelle }]));
  const values: Values = {
    name: editor.template?.name ?? "",
    groupeId: String(editor.template?.groupeId ?? editor.groupes[0]?.id ?? ""),
    columns: Object.fromEntries(
      editor.catalogue.map((c, i) => {
        const saved = savedColumns.get(c.id);
        return [
          c.id,
          isNew
            ? { checked: true, order: String(i + 1), header: "" }
            : {
                checked: saved !== undefined,
                order: saved ? String(saved.order) : "",
                header: saved && saved.libelle !== c.defaultLibelle ? saved.libelle : "",
              },
        ];
      }),
    ),
    folder: editor.zip.folder,
    items: Object.fromEntries(
      editor.zipItems.map((item) => {
        const saved = editor.zip.items.find((i) => i.id === item.id);
        return [item.id, { checked: saved?.enabled ?? false, name: saved?.name ?? "" }];
      }),
    ),
  };
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    ...editor,
    values,
    saved: url.searchParams.has("enregistre"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const { locale } = requestState(context);
  const demarcheId = idParam(params.id);
  const templateId = templateIdOf(params.templateId);
  const form = await readForm(request);
  const text = (name: string, max = 1000) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const base = `/procedures/${demarcheId}/modeles-export`;
  if (text("intent") === "delete" && templateId !== null) {
    const { name } = await deleteExportTemplate(db, instructeur.instructeurId, demarcheId, templateId);
    return redirect(`${base}?supprime=${encodeURIComponent(name)}`);
  }
  const kind = text("type", 10);
  const checkedColumns = new Set(form.getAll("col").filter((v): v is string => typeof v === "string"));
  const checkedItems = new Set(form.getAll("item").filter((v): v is string => typeof v === "string"));
  const columnIds = form
    .getAll("colonne")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 1000);
  const itemIds = form
    .getAll("element")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 500);
  const values: Values = {
    name: text("name"),
    groupeId: text("groupe", 20),
    columns: Object.fromEntries(
      columnIds.map((id) => [
        id,
        { checked: checkedColumns.has(id), order: text(`ordre:${id}`, 10), header: text(`entete:${id}`) },
      ]),
    ),
    folder: text("folder"),
    items: Object.fromEntries(itemIds.map((id) => [id, { checked: checkedItems.has(id), name: text(`nom:${id}`) }])),
  };
  const position = (order: string) => (/^\d{1,6}$/.test(order.trim()) ? Number(order.trim()) : Number.MAX_SAFE_INTEGER);
  const columns = columnIds
    .map((id, index) => ({ id, index, ...(values.columns[id] as Values["columns"][string]) }))
    .filter((c) => c.checked)
    .sort((a, b) => position(a.order) - position(b.order) || a.index - b.index)
    .map((c) => ({ id: c.id, libelle: c.header }));
  const result = await saveExportTemplate(
    db,
    instructeur.instructeurId,
    demarcheId,
    templateId,
    {
      groupeId: /^\d{1,9}$/.test(values.groupeId) ? Number(values.groupeId) : -1,
      name: values.name,
      kind,
      columns,
      folder: values.folder,
      items: itemIds.map((id) => ({
        id,
        enabled: values.items[id]?.checked ?? false,
        name: values.items[id]?.name ?? "",
      })),
    },
    locale,
  );
  if (result.ok) return redirect(`${base}/${result.templateId}?enregistre=1`);
  const { errors, errorParams } = refusalsByField(result.refusals);
  return data({ values, errors, errorParams }, { status: 422 });
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p className="fr-error-text" id={id}>
      {message}
    </p>
  );
}

export default function ExportTemplate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const { demarche, template, kind, groupes, catalogue, zipItems, tags, dropped, preview, saved } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const errorParams: Record<string, Record<string, string | number>> = actionData?.errorParams ?? {};
  const message = (field: string) =>
    errors[field] ? t(`exports.templates.errors.${errors[field]}` as TranslationKey, errorParams[field] ?? {}) : null;
  const title = template
    ? t("exports.templates.editTitle", { name: template.name })
    : t("exports.templates.newTitle", { kind: kind.toUpperCase() });
  const action = `/procedures/${demarche.id}/modeles-export/${template ? template.id : `nouveau?type=${kind}`}`;
  const errorList = Object.keys(errors);
  const itemLabel = (item: { id: string; libelle: string | null }) =>
    item.libelle ?? t(`exports.templates.zip.items.${item.id}` as TranslationKey);
  return (
    <>
      <title>{`${errorList.length > 0 ? `${t("exports.templates.errors.invalid")} – ` : ""}${title} – Guichet`}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}/modeles-export`}>
          {t("exports.templates.title")}
        </a>
      </p>
      <h1>{title}</h1>
      <p className="fr-text--lead">{demarche.libelle}</p>
      {saved && errorList.length === 0 ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("exports.templates.saved")}</p>
        </div>
      ) : null}
      {dropped.length > 0 ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" data-testid="template-dropped">
          <p>{tn("exports.templates.dropped", dropped.length, { columns: dropped.join(" », « ") })}</p>
        </div>
      ) : null}
      {errorList.length > 0 ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" data-testid="template-errors">
          <p>{t("exports.templates.errors.invalid")}</p>
          <ul>
            {errorList.map((field) => (
              <li key={field}>{message(field)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} data-testid="template-form">
        <CsrfInput />
        <input type="hidden" name="type" value={kind} />
        <div className={`fr-input-group${errors.name ? " fr-input-group--error" : ""}`}>
          <label className="fr-label" htmlFor="template-name">
            {t("exports.templates.name")}
          </label>
          <input
            className={`fr-input${errors.name ? " fr-input--error" : ""}`}
            id="template-name"
            name="name"
            defaultValue={values.name}
            required
            maxLength={100}
            aria-describedby={errors.name ? "template-name-error" : undefined}
          />
          <FieldError id="template-name-error" message={message("name")} />
        </div>
        <div className={`fr-select-group${errors.groupe ? " fr-select-group--error" : ""}`}>
          <label className="fr-label" htmlFor="template-groupe">
            {t("exports.templates.groupe")}
          </label>
          <select
            className="fr-select"
            id="template-groupe"
            name="groupe"
            defaultValue={values.groupeId}
            aria-describedby={errors.groupe ? "template-groupe-error" : undefined}
          >
            {groupes.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
          <FieldError id="template-groupe-error" message={message("groupe")} />
        </div>
        {kind === "zip" ? (
          <>
            <div className={`fr-input-group${errors.folder ? " fr-input-group--error" : ""}`}>
              <label className="fr-label" htmlFor="template-folder">
                {t("exports.templates.zip.folder")}
                <span className="fr-hint-text">
                  {t("exports.templates.zip.folderHint", {
                    tag: "--numéro du dossier--",
                    tags: tags.map((tag) => `--${tag}--`).join(", "),
                  })}
                </span>
              </label>
              <input
                className={`fr-input${errors.folder ? " fr-input--error" : ""}`}
                id="template-folder"
                name="folder"
                defaultValue={values.folder}
                aria-describedby={errors.folder ? "template-folder-error" : undefined}
              />
              <FieldError id="template-folder-error" message={message("folder")} />
            </div>
            <fieldset className="fr-fieldset" aria-labelledby="template-items-legend">
              <legend className="fr-fieldset__legend" id="template-items-legend">
                {t("exports.templates.zip.legend")}
                <span className="fr-hint-text">{t("exports.templates.zip.hint")}</span>
              </legend>
              {zipItems.map((item, i) => {
                const v = values.items[item.id] ?? { checked: false, name: "" };
                const field = `item-${item.id}`;
                return (
                  <div className="fr-fieldset__element" key={item.id} data-item={item.id}>
                    <input type="hidden" name="element" value={item.id} />
                    <div className="fr-checkbox-group">
                      <input type="checkbox" id={`template-item-${i}`} name="item" value={item.id} defaultChecked={v.checked} />
                      <label className="fr-label" htmlFor={`template-item-${i}`}>
                        {t("exports.templates.zip.include", { item: itemLabel(item) })}
                      </label>
                    </div>
                    <div className={`fr-input-group${errors[field] ? " fr-input-group--error" : ""}`}>
                      <label className="fr-label" htmlFor={`template-item-name-${i}`}>
                        {t("exports.templates.zip.name", { item: itemLabel(item) })}
                      </label>
                      <input
                        className={`fr-input${errors[field] ? " fr-input--error" : ""}`}
                        id={`template-item-name-${i}`}
                        name={`nom:${item.id}`}
                        defaultValue={v.name}
                        aria-describedby={errors[field] ? `template-item-error-${i}` : undefined}
                      />
                      <FieldError id={`template-item-error-${i}`} message={message(field)} />
                    </div>
                  </div>
                );
              })}
            </fieldset>
          </>
        ) : (
          <fieldset
            className={`fr-fieldset${errors.columns ? " fr-fieldset--error" : ""}`}
            aria-labelledby={`template-columns-legend${errors.columns ? " template-columns-error" : ""}`}
            role={errors.columns ? "group" : undefined}
          >
            <legend className="fr-fieldset__legend" id="template-columns-legend">
              {t("exports.templates.columns.legend")}
              <span className="fr-hint-text">{t("exports.templates.columns.hint")}</span>
            </legend>
            {catalogue.map((column, i) => {
              const v = values.columns[column.id] ?? { checked: false, order: "", header: "" };
              const field = `header-${column.id}`;
              return (
                <div className="fr-fieldset__element" key={column.id} data-column={column.id}>
                  <input type="hidden" name="colonne" value={column.id} />
                  <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
                    <div className="fr-col-12 fr-col-md-5">
                      <div className="fr-checkbox-group">
                        <input type="checkbox" id={`template-col-${i}`} name="col" value={column.id} defaultChecked={v.checked} />
                        <label className="fr-label" htmlFor={`template-col-${i}`}>
                          {column.defaultLibelle}
                        </label>
                      </div>
                    </div>
                    <div className="fr-col-4 fr-col-md-2">
                      <label className="fr-label fr-sr-only" htmlFor={`template-order-${i}`}>
                        {t("exports.templates.columns.order", { libelle: column.defaultLibelle })}
                      </label>
                      <input
                        className="fr-input"
                        id={`template-order-${i}`}
                        name={`ordre:${column.id}`}
                        inputMode="numeric"
                        defaultValue={v.order}
                      />
                    </div>
                    <div className="fr-col-8 fr-col-md-5">
                      <label className="fr-label fr-sr-only" htmlFor={`template-header-${i}`}>
                        {t("exports.templates.columns.header", { libelle: column.defaultLibelle })}
                      </label>
                      <input
                        className={`fr-input${errors[field] ? " fr-input--error" : ""}`}
                        id={`template-header-${i}`}
                        name={`entete:${column.id}`}
                        defaultValue={v.header}
                        placeholder={column.defaultLibelle}
                        aria-describedby={errors[field] ? `template-header-error-${i}` : undefined}
                      />
                      <FieldError id={`template-header-error-${i}`} message={message(field)} />
                    </div>
                  </div>
                </div>
              );
            })}
            {errors.columns ? (
              <div className="fr-messages-group" id="template-columns-error" aria-live="polite">
                <p className="fr-message fr-message--error">{message("columns")}</p>
              </div>
            ) : null}
          </fieldset>
        )}
        <button type="submit" className="fr-btn">
          {t("exports.templates.save")}
        </button>
      </form>
      {preview ? (
        <section className="fr-mt-4w" aria-labelledby="template-preview-title" data-testid="template-preview">
          <h2 id="template-preview-title">{t("exports.templates.preview.title")}</h2>
          {preview.kind === "tabular" ? (
            <>
              <p className="fr-text--sm">{t("exports.templates.preview.rows")}</p>
              <div className="fr-table fr-table--no-caption">
                <div className="fr-table__wrapper">
                  <div className="fr-table__container">
                    <div className="fr-table__content">
                      <table>
                        <caption>{t("exports.templates.preview.caption")}</caption>
                        <thead>
                          <tr>
                            {preview.headers.map((h, i) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity.
                              <th scope="col" key={i}>
                                {h}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {preview.rows.map((row, r) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity of their own.
                            <tr key={r}>
                              {row.map((cell, c) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                                <td key={c}>{cell}</td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </div>
                </div>
              </div>
              {preview.rows.length === 0 ? <p>{t("exports.templates.preview.empty")}</p> : null}
            </>
          ) : (
            <>
              <p className="fr-text--sm">{t("exports.templates.preview.tree")}</p>
              {preview.paths.length === 0 ? (
                <p>{t("exports.templates.preview.empty")}</p>
              ) : (
                <ul data-testid="template-tree">
                  {preview.paths.map((p) => (
                    <li key={p}>
                      <code>{p}</code>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      ) : null}
      {template ? (
        <form method="post" action={action} className="fr-mt-4w">
          <CsrfInput />
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
            {t("exports.templates.delete")}
          </button>
        </form>
      ) : null}
    </>
  );
}
