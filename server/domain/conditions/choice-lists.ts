/**
 * The lists a condition's value is chosen from for geographic fields: départements, régions and
 * countries — the same codes the geographic field types store (`server/domain/geo/territories`).
 * Labels as the reference's editor shows them (« 01 – Ain », « Allemagne – DE »).
 */
import type { Locale } from "../../../common/i18n/types";
import { countries, DEPARTEMENTS, departementLabel, REGIONS } from "../geo/territories";
import type { Choice, ChoiceLists } from "./editor";

const DEPARTEMENT_CHOICES: readonly Choice[] = DEPARTEMENTS.map((d) => ({ value: d.code, label: departementLabel(d) }));
const REGION_CHOICES: readonly Choice[] = REGIONS.map((r) => ({ value: r.code, label: `${r.code} – ${r.name}` }));

const cache = new Map<Locale, ChoiceLists>();

export function conditionChoiceLists(locale: Locale): ChoiceLists {
  let lists = cache.get(locale);
  if (!lists) {
    const pays = countries(locale).map((c) => ({ value: c.code, label: `${c.name} – ${c.code}` }));
    lists = { departements: DEPARTEMENT_CHOICES, regions: REGION_CHOICES, pays };
    cache.set(locale, lists);
  }
  return lists;
}
