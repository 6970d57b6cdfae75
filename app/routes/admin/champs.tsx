import { useCallback, useRef, useState } from "react";
import { data, redirect } from "react-router";
import { isTypeChamp } from "../../../server/domain/champs/registry";
import { isTypeOfferedIn } from "../../../server/domain/revisions/form-lists";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { moveChamp } from "../../../server/operations/revisions/move-champ";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { duplicateChamp } from "../../../server/operations/revisions/duplicate-champ";
import { changeTypeFromForm, refusedChampAction } from "./type-change.server";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { champTypesByCategory, getDraftForm } from "../../../server/queries/admin/champs";
import { conditionEditorOf, getConditionEditor } from "../../../server/queries/admin/conditions";
import { useT } from "../../lib/i18n";
import { formString, notFound, readForm, requestState, requireAdministrateur, services } from "../../lib/request.server";
import type { Route } from "./+types/champs";
import { demarcheIdOf, intField, isEnhanced } from "./admin.server";
import { champConditionAction } from "./conditions.server";
import { editorValuesOf, submittedValuesOf, updateInputOf, type ChampActionData } from "./champs.server";
import { isOptionsImport, optionsImportAction } from "./options-import.server";
import { ChampList } from "./ui/champ-list";
import { InvalidConditionsBanner } from "./ui/condition-editor";
import { EditorListNav, editorListOf, editorPath } from "./ui/editor-lists";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

/** Also the loader of the annotations privées page (annotations.tsx): the URL tells which list. */
export const handle = { i18n: ["admin", "champs", "conditions", "fichiers", "revisions", "usager"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const list = editorListOf(request.url);
  const admin = requireAdministrateur(context, request);
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
  const admin = requireAdministrateur(context, request);
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
  const intent = formString(form, "intent");
  const enhanced = isEnhanced(form);
  const page = editorPath(demarcheId, list);
  const done = (stableId: number | null, anchor = stableId === null ? "champs" : `champ-${stableId}`) =>
    enhanced ? data<ChampActionData>({ intent, stableId, ok: true }) : redirect(`${page}#${anchor}`);
  const champOf = () => {
    const stableId = intField(form, "stableId");
    const champ = draft.champs.find((c) => c.stableId === stableId);
    if (!champ) notFound();
    return champ;
  };

  switch (intent) {
    case "add": {
      const type = formString(form, "type");
      const after = intField(form, "afterStableId");
      if (after !== null && !draft.champs.some((c) => c.stableId === after)) notFound();
      if (!isTypeChamp(type)) {
        return data<ChampActionData>({ intent, stableId: after, ok: false, errors: { type: "type_invalid" } }, { status: 400 });
      }
      if (!isTypeOfferedIn(type, list)) {
        return data<ChampActionData>(
          { intent, stableId: after, ok: false, errors: { type: "type_not_in_annotations" } },
          { status: 400 },
        );
      }
      const { stableId } = await addChamp(
        db,
        admin.administrateurId,
        demarcheId,
        { type, afterStableId: after, private: list === "annotations", parentStableId: intField(form, "parentStableId") },
        requestState(context).locale,
      );
      return done(stableId);
    }
    case "update": {
      const champ = champOf();
      const values = submittedValuesOf(form, champ.type);
      const input = updateInputOf(champ, values);
      if (!input.ok) {
        const { field, key, params: errorParams } = input.error;
        return data<ChampActionData>(
          {
            intent,
            stableId: champ.stableId,
            ok: false,
            values,
            errors: { [field]: key },
            errorParams: errorParams ? { [field]: errorParams } : {},
          },
          { status: 400 },
        );
      }
      const result = await updateChamp(db, admin.administrateurId, demarcheId, input.input);
      if (!result.ok)
        return data<ChampActionData>(
          { intent, stableId: champ.stableId, ok: false, values, errors: result.errors },
          { status: 400 },
        );
      return done(champ.stableId);
    }
    case "move-up":
    case "move-down": {
      const champ = champOf();
      await moveChamp(db, admin.administrateurId, demarcheId, {
        stableId: champ.stableId,
        direction: intent === "move-up" ? "up" : "down",
      });
      return done(champ.stableId);
    }
    case "move-to": {
      // Drag and drop (JavaScript only): to an index of the field's own list.
      const champ = champOf();
      const toIndex = intField(form, "toIndex");
      if (toIndex === null) throw data({ status: 400 }, { status: 400 });
      await moveChamp(db, admin.administrateurId, demarcheId, { stableId: champ.stableId, toIndex });
      return done(champ.stableId);
    }
    case "duplicate": {
      const champ = champOf();
      const { stableId } = await duplicateChamp(db, admin.administrateurId, demarcheId, champ.stableId);
      return done(stableId);
    }
    case "confirm-delete": {
      const champ = champOf();
      return data<ChampActionData>({ intent, stableId: champ.stableId, ok: true, confirmDelete: true });
    }
    case "change-type": {
      const champ = champOf();
      const { locale } = requestState(context);
      const changed = await changeTypeFromForm(db, admin.administrateurId, demarcheId, champ.stableId, form, locale);
      return changed.ok ? done(champ.stableId) : refusedChampAction(intent, champ.stableId, changed);
    }
    case "delete": {
      const champ = champOf();
      const removed = await removeChamp(db, admin.administrateurId, demarcheId, champ.stableId);
      if (!removed.ok) return refusedChampAction(intent, champ.stableId, removed);
      const index = draft.champs.indexOf(champ);
      const previous = index > 0 ? draft.champs[index - 1] : undefined;
      return done(champ.stableId, previous ? `champ-${previous.stableId}` : "champs");
    }
    case "condition":
      return champConditionAction({
        db,
        administrateurId: admin.administrateurId,
        demarcheId,
        form,
        locale: requestState(context).locale,
        enhanced,
        page,
        isPrivate: list === "annotations",
      });
    default:
      throw data({ status: 400 }, { status: 400 });
  }
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
        {t(annotations ? "admin.annotationEditor.listTitle" : "admin.champEditor.listTitle", { count: champs.length })}
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
