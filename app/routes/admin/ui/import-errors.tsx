import type { Refusal } from "../../../../server/refusal";
import { useTn } from "../../../lib/i18n";
import { useDynamicT } from "./layout";

/** The CSV import's refusals: the file's problem, or each bad line with its number and reason. */
export function ImportErrors({ refusals }: { refusals: Refusal[] }) {
  const dt = useDynamicT();
  const tn = useTn();
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" id="import-errors" role="alert">
      <h2 className="fr-alert__title">{dt("groupes.import.errors.title")}</h2>
      <ul>
        {refusals.map((r) => (
          <li key={`${r.code}-${r.params?.line ?? ""}`}>
            {r.code === "more_lines"
              ? tn("groupes.import.errors.more_lines", Number(r.params?.count ?? 0))
              : r.code === "line_invalid"
                ? dt("groupes.import.errors.line_invalid", {
                    line: r.params?.line ?? "",
                    problem: dt(`groupes.import.problems.${String(r.params?.problem)}`),
                  })
                : dt(`groupes.import.errors.${r.code}`, r.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}
