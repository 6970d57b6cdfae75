/** Options editor of `explication`: an optional text folded under « Lire plus ». */
import { normalizeMultiline } from "../../champs/input";
import { EXPLICATION_TEXT_MAX_LENGTH } from "../../champs/types/explication";
import { type ChampOptionsEditor, fail, formChecked, formText, optionText } from "./contract";
import { type FileTemplateEditorValues, NO_FILE_TEMPLATE, fileTemplateEditorValues } from "./file-template";

/** The notice file is shown by its own form (options-editors/file-template.ts). */
export type ExplicationEditorValues = { collapsibleEnabled: boolean; collapsibleText: string } & FileTemplateEditorValues;

export const explicationEditor: ChampOptionsEditor<ExplicationEditorValues> = {
  fromOptions: (options) => ({
    collapsibleEnabled: options.collapsibleExplanationEnabled === true,
    collapsibleText: optionText(options, "collapsibleExplanationText"),
    ...fileTemplateEditorValues(options.notice),
  }),
  fromForm: (form) => ({
    collapsibleEnabled: formChecked(form, "collapsibleEnabled"),
    collapsibleText: formText(form, "collapsibleText"),
    ...NO_FILE_TEMPLATE,
  }),
  toOptions: (values) => {
    const text = normalizeMultiline(values.collapsibleText);
    if (text.length > EXPLICATION_TEXT_MAX_LENGTH)
      return fail("collapsibleText", "text_too_long", { max: EXPLICATION_TEXT_MAX_LENGTH });
    if (values.collapsibleEnabled && text === "") return fail("collapsibleText", "collapsible_text_required");
    return {
      ok: true,
      options: {
        collapsibleExplanationEnabled: values.collapsibleEnabled,
        ...(text === "" ? {} : { collapsibleExplanationText: text }),
      },
    };
  },
};
