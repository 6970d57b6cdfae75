import { useCallback, useRef, useState } from "react";
import { champTypesByCategory, getDraftForm } from "../../../server/queries/admin/champs";
import { conditionEditorOf, getConditionEditor } from "../../../server/queries/admin/conditions";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/champs";
import { demarcheIdOf, isEnhanced } from "./admin.server";
import { handleChampIntent } from "./champs-intents.server";
import { editorValuesOf } from "./champs.server";
import { isOptionsImport, optionsImportAction } from "./options-import.server";
import { ChampList } from "./ui/champ-list";
import { InvalidConditionsBanner } from "./ui/condition-section";
import { EditorListNav, editorListOf, editorPath } from "./ui/editor-lists";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

/** Also the loader of the annotations privées page (annotations.tsx): the URL tells which list. */
export const handle = { i18n: ["admin", "champs", "conditions", "fichiers", "revisions", "usager"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const list = editorListOf(request.url);
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const locale = requestState(context).locale;
  const draft = await getDraftForm(db, admin.administrateurId, demarcheIdOf(params), {
    private: list === "annotations",
  });
  return {
    ...draft,
    list,
    champs: draft.champs.map((champ) => ({
      stableId: champ.stableId,
      type: champ.type,
      hasValue: champ.hasValue,
      libelle: champ.libelle,
      values: editorValuesOf(champ),
      parentStableId: champ.parentStableId,
    })),
    // An annotation's condition may also read the usager's fields (listed first, read-only).
    conditionEditor:
      list === "annotations"
        ? await getConditionEditor(db, admin.administrateurId, demarcheIdOf(params), locale, { private: true })
        : conditionEditorOf(draft.champs, locale),
    typeGroups: champTypesByCategory(list),
    draftReset: new URL(request.url).searchParams.get("notice") === "draft_reset",
  };
}

/** Action of both editor pages; a field of the other list is not found here (404). */
export async function action({ context, request, params }: Route.ActionArgs) {
  const list = editorListOf(request.url);
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  const draft = await getDraftForm(db, admin.administrateurId, demarcheId, { private: list === "annotations" });
  // A CSV file of options: its size is checked before the body is read.
  if (isOptionsImport(request)) {
    const { administrateurId } = admin;
    return optionsImportAction({
      request,
      db,
      administrateurId,
      demarcheId,
      champs: draft.champs,
      page: editorPath(demarcheId, list),
    });
  }
  const form = await readForm(request);
  return handleChampIntent({
    db,
    administrateurId: admin.administrateurId,
    demarcheId,
    locale: requestState(context).locale,
    list,
    intent: formString(form, "intent"),
    form,
    enhanced: isEnhanced(form),
    page: editorPath(demarcheId, list),
    champs: draft.champs,
  });
}

export type EditorLoaderData = Route.ComponentProps["loaderData"];

export default function Champs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, champs, list } = loaderData;
  const base = `/admin/procedures/${demarche.id}`;
  const annotations = list === "annotations";
  const title = annotations ? t("admin.annotationEditor.title") : t("admin.champEditor.title");
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    // Cleared first so that the same message twice in a row is announced twice.
    setAnnouncement("");
    window.setTimeout(() => setAnnouncement(message), 50);
  }, []);
  const pageErrors = actionData && !actionData.ok && actionData.errors ? actionData : null;
  const erroredChamp = pageErrors ? champs.find((c) => c.stableId === pageErrors.stableId) : undefined;
  const summary =
    pageErrors && erroredChamp
      ? Object.entries(pageErrors.errors ?? {}).map(([field, key]) => ({
          fieldId: `champ-${erroredChamp.stableId}-${field === "form" ? "libelle" : field}`,
          label: erroredChamp.libelle,
          message: dt(`admin.champEditor.errors.${key}`, pageErrors.errorParams?.[field]),
        }))
      : [];
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <EditorListNav demarcheId={demarche.id} current={list} />
      <ErrorSummary errors={summary} />
      <InvalidConditionsBanner />
      {loaderData.draftReset ? (
        <Notice kind="success">
          <p>{t("revisions.reset.done")}</p>
        </Notice>
      ) : null}
      {demarche.state !== "brouillon" ? (
        <Notice kind="info">
          <p>{t("admin.champEditor.publishedNotice")}</p>
        </Notice>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-mb-3w">
        <div className="fr-col">
          {annotations ? (
            <p className="fr-mb-0">{t("admin.annotationEditor.lead")}</p>
          ) : (
            <p className="fr-mb-0">
              <span className="fr-icon-time-line fr-mr-1w" aria-hidden="true" />
              {loaderData.estimatedMinutes > 0
                ? t("admin.champEditor.estimatedDuration", { minutes: loaderData.estimatedMinutes })
                : t("admin.champEditor.estimatedDurationNone")}
            </p>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            {annotations ? null : (
              <li>
                <a className="fr-btn fr-btn--secondary fr-icon-eye-line fr-btn--icon-left" href={`${base}/apercu`}>
                  {t("admin.champEditor.preview")}
                </a>
              </li>
            )}
            {demarche.state !== "brouillon" && loaderData.draftChanged ? (
              <li>
                <a className="fr-btn fr-icon-upload-line fr-btn--icon-left" href={`${base}/publication`}>
                  {t("admin.champEditor.publishChanges")}
                </a>
              </li>
            ) : null}
            {loaderData.draftChanged ? (
              <li>
                <a
                  className="fr-btn fr-btn--tertiary fr-icon-arrow-go-back-line fr-btn--icon-left"
                  href={`${base}/annuler-modifications`}
                >
                  {t("revisions.reset.link")}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      <h2 id="champs" ref={listTitleRef} tabIndex={-1}>
        {t(annotations ? "admin.annotationEditor.listTitle" : "admin.champEditor.listTitle", {
          // The cards of the list: the fields of a block are counted in the block's own title.
          count: champs.filter((c) => c.parentStableId === null).length,
        })}
      </h2>
      {champs.length === 0 ? <p>{t(annotations ? "admin.annotationEditor.empty" : "admin.champEditor.empty")}</p> : null}
      <ChampList
        champs={champs}
        demarcheId={demarche.id}
        editorPath={editorPath(demarche.id, list)}
        typeGroups={loaderData.typeGroups}
        actionData={actionData}
        announce={announce}
        onRemoved={() => listTitleRef.current?.focus()}
        addTitle={t(annotations ? "admin.annotationEditor.addTitle" : "admin.champEditor.addTitle")}
        addError={
          actionData?.intent === "add" && actionData.errors?.type
            ? dt(`admin.champEditor.errors.${actionData.errors.type}`)
            : null
        }
      />
      <p className="fr-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
