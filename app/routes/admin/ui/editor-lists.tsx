/**
 * The two lists of fields a démarche has, edited by the same editor: the usager's form
 * (`/champs`) and the annotations privées that instructeurs fill on each dossier (`/annotations`).
 * The navigation between them sits under the editor's title.
 */
import { useT } from "../../../lib/i18n";

export type EditorList = "champs" | "annotations";

export const EDITOR_LISTS: readonly EditorList[] = ["champs", "annotations"];

export function editorPath(demarcheId: number, list: EditorList): string {
  return `/admin/procedures/${demarcheId}/${list}`;
}

/** Which list an editor request is about: both pages share one route module (see editorPath). */
export function editorListOf(url: string): EditorList {
  return /\/annotations\/?$/.test(new URL(url).pathname) ? "annotations" : "champs";
}

export function EditorListNav({ demarcheId, current }: { demarcheId: number; current: EditorList }) {
  const t = useT();
  return (
    <nav className="fr-mb-2w" aria-label={t("admin.editorLists.label")}>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        {EDITOR_LISTS.map((list) => (
          <li key={list}>
            <a
              className={list === current ? "fr-btn" : "fr-btn fr-btn--tertiary"}
              href={editorPath(demarcheId, list)}
              aria-current={list === current ? "page" : undefined}
            >
              {t(`admin.editorLists.${list}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
