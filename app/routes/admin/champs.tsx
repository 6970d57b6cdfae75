import { useCallback, useRef, useState } from "react";
import { data, redirect } from "react-router";
import { CHARACTER_LIMIT_CHOICES } from "../../../server/domain/demarches/champ-editor-form";
import { isTypeChamp } from "../../../server/domain/champs/registry";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { moveChamp } from "../../../server/operations/revisions/move-champ";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { champTypesByCategory, getDraftForm } from "../../../server/queries/admin/champs";
import { useT } from "../../lib/i18n";
import { formString, notFound, readForm, requestState, requireAdministrateur, services } from "../../lib/request.server";
import type { Route } from "./+types/champs";
import { demarcheIdOf, intField, isEnhanced } from "./admin.server";
import { editorValuesOf, submittedValuesOf, updateInputOf, type ChampActionData } from "./champs.server";
import { AddChampForm } from "./ui/add-champ-form";
import { ChampCard } from "./ui/champ-card";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = requireAdministrateur(context, request);
  const draft = await getDraftForm(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return {
    ...draft,
    champs: draft.champs.map((champ) => ({
      stableId: champ.stableId,
      type: champ.type,
      hasValue: champ.hasValue,
      libelle: champ.libelle,
      values: editorValuesOf(champ),
    })),
    typeGroups: champTypesByCategory(),
    characterLimits: CHARACTER_LIMIT_CHOICES,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = requireAdministrateur(context, request);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  const draft = await getDraftForm(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const enhanced = isEnhanced(form);
  const page = `/admin/procedures/${demarcheId}/champs`;
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
      const { stableId } = await addChamp(
        db,
        admin.administrateurId,
        demarcheId,
        { type, afterStableId: after },
        requestState(context).locale,
      );
      return done(stableId);
    }
    case "update": {
      const champ = champOf();
      const values = submittedValuesOf(form);
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
    case "confirm-delete": {
      const champ = champOf();
      return data<ChampActionData>({ intent, stableId: champ.stableId, ok: true, confirmDelete: true });
    }
    case "delete": {
      const champ = champOf();
      await removeChamp(db, admin.administrateurId, demarcheId, champ.stableId);
      const index = draft.champs.indexOf(champ);
      const previous = index > 0 ? draft.champs[index - 1] : undefined;
      return done(champ.stableId, previous ? `champ-${previous.stableId}` : "champs");
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export type EditorLoaderData = Route.ComponentProps["loaderData"];

export default function Champs({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, champs } = loaderData;
  const base = `/admin/procedures/${demarche.id}`;
  const title = t("admin.champEditor.title");
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
      <ErrorSummary errors={summary} />
      {demarche.state !== "brouillon" ? (
        <Notice kind="info">
          <p>{t("admin.champEditor.publishedNotice")}</p>
        </Notice>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-mb-3w">
        <div className="fr-col">
          <p className="fr-mb-0">
            <span className="fr-icon-time-line fr-mr-1w" aria-hidden="true" />
            {loaderData.estimatedMinutes > 0
              ? t("admin.champEditor.estimatedDuration", { minutes: loaderData.estimatedMinutes })
              : t("admin.champEditor.estimatedDurationNone")}
          </p>
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            <li>
              <a className="fr-btn fr-btn--secondary fr-icon-eye-line fr-btn--icon-left" href={`${base}/apercu`}>
                {t("admin.champEditor.preview")}
              </a>
            </li>
            {demarche.state !== "brouillon" && loaderData.draftChanged ? (
              <li>
                <a className="fr-btn fr-icon-upload-line fr-btn--icon-left" href={`${base}/publication`}>
                  {t("admin.champEditor.publishChanges")}
                </a>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      <h2 id="champs" ref={listTitleRef} tabIndex={-1}>
        {t("admin.champEditor.listTitle", { count: champs.length })}
      </h2>
      {champs.length === 0 ? <p>{t("admin.champEditor.empty")}</p> : null}
      <ol className="fr-raw-list">
        {champs.map((champ, index) => (
          <li key={champ.stableId}>
            <ChampCard
              demarcheId={demarche.id}
              champ={champ}
              index={index}
              count={champs.length}
              characterLimits={loaderData.characterLimits}
              actionData={actionData?.stableId === champ.stableId ? actionData : undefined}
              announce={announce}
              onRemoved={() => listTitleRef.current?.focus()}
            />
            {index < champs.length - 1 ? (
              <AddChampForm typeGroups={loaderData.typeGroups} after={champ} announce={announce} collapsed />
            ) : null}
          </li>
        ))}
      </ol>
      <AddChampForm
        typeGroups={loaderData.typeGroups}
        after={champs.at(-1) ?? null}
        announce={announce}
        error={
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
