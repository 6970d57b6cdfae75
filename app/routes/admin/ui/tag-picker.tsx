/**
 * The list of tags a template may use (e-mails, attestations), grouped by category: a table to
 * copy from without JavaScript; with it, each tag is a button inserting it at the cursor of the
 * last focused field (`insert`).
 */
import { TAG_CATEGORIES, type TagCategory } from "../../../../common/mail-templates";
import { useT } from "../../../lib/i18n";
import { useHydrated } from "./enhanced";
import { useDynamicT } from "./layout";

export interface PickerTag {
  text: string;
  category: TagCategory;
  description: string | null;
}

export function TagPicker({
  tags,
  insert,
  announce,
  headingLevel = 2,
}: {
  tags: readonly PickerTag[];
  insert: (text: string) => void;
  announce: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const dt = useDynamicT();
  const hydrated = useHydrated();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>{t("modeles.tags.title")}</Heading>
      <p>{hydrated ? t("modeles.tags.leadJs") : t("modeles.tags.lead")}</p>
      <p className="fr-sr-only" aria-live="polite">
        {announce}
      </p>
      {TAG_CATEGORIES.map((category) => {
        const list = tags.filter((tag) => tag.category === category);
        if (list.length === 0) return null;
        return (
          <div className="fr-table guichet-tag-table fr-mb-2w" key={category} data-tag-category={category}>
            <table>
              <caption>{t(`modeles.tags.categories.${category}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("modeles.tags.tag")}</th>
                  <th scope="col">{t("modeles.tags.gives")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((tag) => (
                  <tr key={tag.text}>
                    <td>
                      {hydrated ? (
                        <button
                          type="button"
                          className="fr-btn fr-btn--tertiary fr-btn--sm"
                          onClick={() => insert(tag.text)}
                          aria-label={t("modeles.tags.insert", { tag: tag.text })}
                          data-insert-tag={tag.text}
                        >
                          {tag.text}
                        </button>
                      ) : (
                        <code>{tag.text}</code>
                      )}
                    </td>
                    <td>
                      {tag.description
                        ? dt(`modeles.tags.descriptions.${tag.description}`)
                        : t(category === "annotation" ? "modeles.tags.annotationValue" : "modeles.tags.fieldValue")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}

/** The insertion at the cursor of the last focused field among `ids`, announced to screen readers. */
export function insertAtCursor(id: string, text: string): boolean {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  const start = element.selectionStart ?? element.value.length;
  const end = element.selectionEnd ?? start;
  element.setRangeText(text, start, end, "end");
  element.focus();
  return true;
}
