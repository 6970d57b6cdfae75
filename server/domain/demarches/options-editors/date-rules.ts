/** Options editor of `date` and `datetime`: past only, and an inclusive range of days. */
import { date, isCalendarDate } from "../../champs/types/date";
import { type ChampOptionsEditor, fail, formChecked, formText, optionText } from "./contract";

export type DateRulesEditorValues = { dateInPast: boolean; startDate: string; endDate: string };

/** The day typed (ISO from the date picker, or « 15/03/2024 » without one), undefined when empty, null when invalid. */
function parseDay(raw: string): string | null | undefined {
  const value = date.parseFormInput(raw, {});
  if (value === null) return undefined;
  return isCalendarDate(value) ? value : null;
}

export const dateRulesEditor: ChampOptionsEditor<DateRulesEditorValues> = {
  fromOptions: (options) => ({
    dateInPast: options.dateInPast === true,
    startDate: optionText(options, "startDate"),
    endDate: optionText(options, "endDate"),
  }),
  fromForm: (form) => ({
    dateInPast: formChecked(form, "dateInPast"),
    startDate: formText(form, "startDate"),
    endDate: formText(form, "endDate"),
  }),
  toOptions: (values) => {
    const start = parseDay(values.startDate);
    if (start === null) return fail("startDate", "date_invalid");
    const end = parseDay(values.endDate);
    if (end === null) return fail("endDate", "date_invalid");
    if (start !== undefined && end !== undefined && start > end) return fail("startDate", "date_start_after_end");
    const options: Record<string, unknown> = {};
    if (values.dateInPast) options.dateInPast = true;
    if (start !== undefined) options.startDate = start;
    if (end !== undefined) options.endDate = end;
    return { ok: true, options };
  },
};
