/**
 * The form editor's list of fields: one card per top-level field, the fields of a repetition block
 * nested in the block's card with their own « Ajouter un champ dans le bloc » form (no block inside
 * a block), and « Ajouter un champ ici » between fields.
 *
 * With JavaScript, fields can also be dragged (by the handle above each card) to another place of
 * their own list — the top level or their block —, saved with `move-to`; the new order shows at once
 * and the move is announced in the page's live region. Keyboard users keep the Monter/Descendre
 * buttons of each card (the handle is hidden from assistive technologies).
 */
import { type DragEvent, useState } from "react";
import { useFetcher } from "react-router";
import type { ChampCategory, TypeChamp } from "../../../../server/domain/champs/definition";
import { CSRF_FIELD } from "../../../../common/csrf-field";
import { useRootData, useT } from "../../../lib/i18n";
import type { ChampActionData } from "../champs.server";
import { AddChampForm } from "./add-champ-form";
import { ChampCard, type EditorChamp } from "./champ-card";
import "./champ-list.css";
import { dropIndex, withMove } from "./drag-order";
import { useSerialSave } from "./use-serial-save";
import { ENHANCED_FIELD, useHydrated } from "./enhanced";

export type ListedChamp = EditorChamp & { parentStableId: number | null };

type TypeGroups = Array<{ category: ChampCategory; types: TypeChamp[] }>;

/** Where a dragged field would land: before or after the field under the pointer. */
interface DropTarget {
  stableId: number;
  after: boolean;
}

const libelleOf = (champ: { libelle: string }, untitled: string) => (champ.libelle.trim() === "" ? untitled : champ.libelle);

export function ChampList({
  champs,
  demarcheId,
  editorPath,
  typeGroups,
  actionData,
  announce,
  onRemoved,
  addError,
  addTitle,
}: {
  champs: readonly ListedChamp[];
  demarcheId: number;
  editorPath: string;
  typeGroups: TypeGroups;
  actionData: ChampActionData | undefined;
  announce: (message: string) => void;
  onRemoved: () => void;
  addError: string | null;
  /** The heading of the form adding at the end: the list is the usager form or the annotations. */
  addTitle: string;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const csrfToken = useRootData()?.csrfToken ?? "";
  const move = useFetcher<ChampActionData>({ key: "champ-drag-move" });
  // Drops follow each other quickly: saved one at a time, in order (each is relative to the last).
  const serialMove = useSerialSave(move, { action: editorPath });
  const [dragged, setDragged] = useState<ListedChamp | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const untitled = t("admin.champEditor.untitled");
  const blockTypeGroups = typeGroups
    .map((group) => ({ ...group, types: group.types.filter((type) => type !== "repetition") }))
    .filter((group) => group.types.length > 0);

  // While a drop is being saved, show the new order already.
  const pendingId = Number(move.formData?.get("stableId"));
  const pendingIndex = Number(move.formData?.get("toIndex"));
  const listOf = (parentStableId: number | null) => {
    const list = champs.filter((c) => c.parentStableId === parentStableId);
    return move.formData && list.some((c) => c.stableId === pendingId) ? withMove(list, pendingId, pendingIndex) : list;
  };

  const endDrag = () => {
    setDragged(null);
    setTarget(null);
  };

  const dropHandlers = (champ: ListedChamp, list: readonly ListedChamp[]) => ({
    onDragOver: (event: DragEvent<HTMLLIElement>) => {
      // Only within the dragged field's own list (top level, or the same block).
      if (!dragged || dragged.parentStableId !== champ.parentStableId) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      const box = event.currentTarget.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      if (target?.stableId !== champ.stableId || target.after !== after) setTarget({ stableId: champ.stableId, after });
    },
    onDrop: (event: DragEvent<HTMLLIElement>) => {
      if (!dragged || dragged.parentStableId !== champ.parentStableId || !target) return;
      event.preventDefault();
      event.stopPropagation();
      const from = list.findIndex((c) => c.stableId === dragged.stableId);
      const to = dropIndex(
        from,
        list.findIndex((c) => c.stableId === target.stableId),
        target.after,
      );
      endDrag();
      if (from < 0 || to === from) return;
      const form = new FormData();
      form.set(CSRF_FIELD, csrfToken);
      form.set(ENHANCED_FIELD, "1");
      form.set("intent", "move-to");
      form.set("stableId", String(dragged.stableId));
      form.set("toIndex", String(to));
      void serialMove(form);
      announce(
        t("conditions.dragAndDrop.dropped", { libelle: libelleOf(dragged, untitled), position: to + 1, count: list.length }),
      );
    },
  });

  const renderList = (parentStableId: number | null) => {
    const list = listOf(parentStableId);
    return list.map((champ, index) => {
      const dropClass =
        target?.stableId === champ.stableId ? (target.after ? " guichet-drop-after" : " guichet-drop-before") : "";
      const children = champ.type === "repetition" && parentStableId === null ? listOf(champ.stableId) : null;
      return (
        <li
          key={champ.stableId}
          className={`guichet-champ-item${dragged?.stableId === champ.stableId ? " guichet-dragging" : ""}${dropClass}`}
          {...dropHandlers(champ, list)}
        >
          {hydrated ? (
            // Only the handle is draggable (text in the card stays selectable); the card is the drag image.
            <div
              className="guichet-drag-handle"
              aria-hidden="true"
              draggable
              title={t("conditions.dragAndDrop.handle", { libelle: libelleOf(champ, untitled) })}
              onDragStart={(event) => {
                event.stopPropagation();
                event.dataTransfer.effectAllowed = "move";
                // Firefox starts a drag only with some data.
                event.dataTransfer.setData("text/plain", libelleOf(champ, untitled));
                const item = event.currentTarget.parentElement;
                if (item) event.dataTransfer.setDragImage(item, 24, 12);
                setDragged(champ);
              }}
              onDragEnd={endDrag}
            >
              <span className="fr-icon-drag-move-2-line" />
            </div>
          ) : null}
          <ChampCard
            demarcheId={demarcheId}
            editorPath={editorPath}
            champ={champ}
            index={index}
            count={list.length}
            actionData={actionData?.stableId === champ.stableId ? actionData : undefined}
            announce={announce}
            onRemoved={onRemoved}
          >
            {children ? (
              <div className="guichet-block-children fr-mt-3w">
                <h4 className="fr-h6">{t("admin.champEditor.blockTitle", { count: children.length })}</h4>
                {children.length === 0 ? <p className="fr-text--sm">{t("admin.champEditor.blockEmpty")}</p> : null}
                <ol className="fr-raw-list">{renderList(champ.stableId)}</ol>
                <AddChampForm
                  typeGroups={blockTypeGroups}
                  after={children.at(-1) ?? null}
                  announce={announce}
                  parentStableId={champ.stableId}
                  title={t("admin.champEditor.addInBlock")}
                />
              </div>
            ) : null}
          </ChampCard>
          {index < list.length - 1 ? (
            <AddChampForm
              typeGroups={parentStableId === null ? typeGroups : blockTypeGroups}
              after={champ}
              announce={announce}
              parentStableId={parentStableId}
              collapsed
            />
          ) : null}
        </li>
      );
    });
  };

  const topLevel = listOf(null);
  return (
    <>
      <ol className="fr-raw-list">{renderList(null)}</ol>
      <AddChampForm
        typeGroups={typeGroups}
        after={topLevel.at(-1) ?? null}
        announce={announce}
        error={addError}
        title={addTitle}
      />
    </>
  );
}
