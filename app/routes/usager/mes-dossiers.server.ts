/**
 * The search and filter of « Mes dossiers » from the URL (`?q=…&demarche=…`), validated: a search
 * longer than 200 characters is cut (the page says so), a démarche that is not a number is ignored.
 */
import { z } from "zod";
import type { MesDossiersFilter } from "../../../server/queries/usager/list-dossiers";

export const SEARCH_MAX = 200;

const ZFilter = z.object({
  q: z
    .string()
    .nullable()
    .transform((v) => v?.trim().replace(/\s+/g, " ") ?? ""),
  demarche: z
    .string()
    .nullable()
    .transform((v) => (v !== null && /^\d{1,9}$/.test(v) ? Number(v) : null)),
});

export function mesDossiersFilter(url: URL): { filter: MesDossiersFilter; truncated: boolean } {
  const parsed = ZFilter.parse({ q: url.searchParams.get("q"), demarche: url.searchParams.get("demarche") });
  const truncated = parsed.q.length > SEARCH_MAX;
  const q = parsed.q.slice(0, SEARCH_MAX);
  return { filter: { q: q === "" ? null : q, demarcheId: parsed.demarche }, truncated };
}
