/**
 * The header of a field's card: its title and type, and the buttons move up / down, duplicate, delete with a confirmation step. Each is
 * a real form (no JavaScript: the server answers, and shows the confirmation itself); with
 * JavaScript moves and deletions go through fetchers, keep the focus on the button used and are
 * announced in the page's live region.
 */
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import type { TypeChamp } from "../../../../server/domain/champs/definition";
import { CsrfInput } from "../../../components/csrf-input";
import { useT } from "../../../lib/i18n";
import type { ChampActionData } from "../champs.server";
import { EnhancedMarker, useHydrated } from "./enhanced";

export function ChampCardHeader({
  stableId,
  type,
  id,
  libelle,
  index,
  count,
  editorPath,
  actionData,
  announce,
  onRemoved,
}: {
  stableId: number;
  type: TypeChamp;
  id: string;
  libelle: string;
  index: number;
  count: number;
  editorPath: string;
  actionData: ChampActionData | undefined;
  announce: (message: string) => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const move = useFetcher<ChampActionData>({ key: `${id}-move` });
  const remove = useFetcher<ChampActionData>({ key: `${id}-delete` });
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const handledMove = useRef<ChampActionData | null>(null);
  const handledRemove = useRef<ChampActionData | null>(null);
  const [confirming, setConfirming] = useState(Boolean(actionData?.confirmDelete));

  // After a move: keep the focus on the button used (or its twin when the field reached an end).
  useEffect(() => {
    const data = move.data;
    if (move.state !== "idle" || !data || handledMove.current === data) return;
    handledMove.current = data;
    const first = data.intent === "move-up" ? upRef.current : downRef.current;
    const other = data.intent === "move-up" ? downRef.current : upRef.current;
    (first && !first.disabled ? first : other)?.focus();
    announce(t("admin.champEditor.moved", { libelle, position: index + 1, count }));
  }, [move.state, move.data, announce, t, libelle, index, count]);

  // Deleted: announced while the page reloads its data (this card is gone once that is done).
  useEffect(() => {
    const data = remove.data;
    if (remove.state === "submitting" || !data?.ok || data.intent !== "delete" || handledRemove.current === data) return;
    handledRemove.current = data;
    announce(t("admin.champEditor.deleted", { libelle }));
    onRemoved();
  }, [remove.state, remove.data, announce, onRemoved, t, libelle]);

  useEffect(() => {
    if (confirming && hydrated) confirmRef.current?.focus();
  }, [confirming, hydrated]);

  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
        <div className="fr-col">
          <h3 id={`${id}-title`} className="fr-h5 fr-mb-0">
            <span className="fr-sr-only">{t("admin.champEditor.position", { position: index + 1, count })} </span>
            {libelle}
          </h3>
          <p className="fr-badge fr-badge--sm fr-mt-1w fr-mb-0">{t(`champs.types.${type}`)}</p>
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
            <li>
              <move.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="move-up" />
                <input type="hidden" name="stableId" value={stableId} />
                <button
                  ref={upRef}
                  type="submit"
                  className="fr-btn fr-btn--tertiary fr-icon-arrow-up-line"
                  disabled={index === 0}
                >
                  {t("admin.champEditor.moveUp")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </move.Form>
            </li>
            <li>
              <move.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="move-down" />
                <input type="hidden" name="stableId" value={stableId} />
                <button
                  ref={downRef}
                  type="submit"
                  className="fr-btn fr-btn--tertiary fr-icon-arrow-down-line"
                  disabled={index === count - 1}
                >
                  {t("admin.champEditor.moveDown")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </move.Form>
            </li>
            <li>
              <form method="post" action={editorPath}>
                <CsrfInput />
                <input type="hidden" name="intent" value="duplicate" />
                <input type="hidden" name="stableId" value={stableId} />
                <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-file-add-line">
                  {t("admin.champEditor.duplicate")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </form>
            </li>
            <li>
              <form
                method="post"
                action={editorPath}
                onSubmit={(event) => {
                  // With JavaScript the confirmation is shown at once; without, the server shows it.
                  event.preventDefault();
                  setConfirming(true);
                }}
              >
                <CsrfInput />
                <input type="hidden" name="intent" value="confirm-delete" />
                <input type="hidden" name="stableId" value={stableId} />
                <button ref={deleteRef} type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line">
                  {t("admin.champEditor.delete")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </form>
            </li>
          </ul>
        </div>
      </div>

      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} className="fr-alert fr-alert--warning fr-my-2w" id={`${id}-confirm`}>
          <h4 className="fr-alert__title">{t("admin.champEditor.confirmDeleteTitle", { libelle })}</h4>
          <p>{t("admin.champEditor.confirmDeleteBody")}</p>
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
            <li>
              <remove.Form method="post">
                <CsrfInput />
                <EnhancedMarker />
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="stableId" value={stableId} />
                <button type="submit" className="fr-btn">
                  {t("admin.champEditor.confirmDelete")}
                  <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
                </button>
              </remove.Form>
            </li>
            <li>
              <a
                className="fr-btn fr-btn--secondary"
                href={`${editorPath}#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  setConfirming(false);
                  deleteRef.current?.focus();
                }}
              >
                {t("common.cancel")}
              </a>
            </li>
          </ul>
        </div>
      ) : null}
    </>
  );
}
