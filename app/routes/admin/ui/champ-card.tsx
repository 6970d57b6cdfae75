/**
 * One field of the form editor. Each action is its own real form (works without JavaScript):
 * save, move up/down, delete (with a confirmation step). With JavaScript they go through fetchers:
 * the field is saved when a box loses focus or a choice changes, without reloading the page and
 * without touching what is being typed; the result is announced in a live region.
 */
import type { TypeChamp } from "../../../../server/domain/champs/definition";
import type { ChampActionData, ChampEditorValues } from "../champs.server";
import { useT } from "../../../lib/i18n";
import { ChampCardHeader } from "./champ-card-header";
import { ChampOptionsForms } from "./champ-options-editor";
import { ChampSettingsForm } from "./champ-settings-form";
import { ChampConditionSection } from "./condition-section";
import { ChampTypeChange } from "./type-change-form";

export interface EditorChamp {
  stableId: number;
  type: TypeChamp;
  hasValue: boolean;
  libelle: string;
  values: ChampEditorValues;
}

export function ChampCard({
  demarcheId,
  editorPath = `/admin/procedures/${demarcheId}/champs`,
  champ,
  index,
  count,
  actionData,
  announce,
  onRemoved,
  children,
}: {
  demarcheId: number;
  /** The editor page this card is on (the usager's form or the annotations privées). */
  editorPath?: string;
  champ: EditorChamp;
  index: number;
  count: number;
  /** The page's action data when it is about this field (no JavaScript). */
  actionData: ChampActionData | undefined;
  announce: (message: string) => void;
  onRemoved: () => void;
  /** Shown at the end of the card: the fields of a repetition block. */
  children?: React.ReactNode;
}) {
  const t = useT();
  const id = `champ-${champ.stableId}`;
  const values = actionData?.intent === "update" && actionData.values ? actionData.values : champ.values;
  const libelle = champ.libelle.trim() === "" ? t("admin.champEditor.untitled") : champ.libelle;

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="fr-card fr-card--no-arrow fr-p-3w fr-mb-2w">
      <ChampCardHeader
        stableId={champ.stableId}
        type={champ.type}
        id={id}
        libelle={libelle}
        index={index}
        count={count}
        editorPath={editorPath}
        actionData={actionData}
        announce={announce}
        onRemoved={onRemoved}
      />
      <ChampTypeChange stableId={champ.stableId} type={champ.type} libelle={libelle} actionData={actionData} />
      <ChampSettingsForm champ={champ} id={id} libelle={libelle} values={values} actionData={actionData} />
      <ChampOptionsForms
        type={champ.type}
        demarcheId={demarcheId}
        stableId={champ.stableId}
        id={id}
        libelle={libelle}
        actionData={actionData}
        values={values.options}
      />
      <ChampConditionSection stableId={champ.stableId} libelle={libelle} />
      {children}
    </section>
  );
}
