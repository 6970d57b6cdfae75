/**
 * The state of the instructeur's list in its URL (bookmarkable, shareable, works without
 * JavaScript): tab `statut`, search `q`, filters `filtre` (repeated), sort `tri` + `ordre`, page `cursor`.
 */
export interface ListUrlState {
  statut: string;
  q: string;
  filtres: string[];
  tri: string;
  ordre: string;
}

export function readListUrl(params: URLSearchParams): ListUrlState {
  return {
    statut: params.get("statut") ?? "",
    q: (params.get("q") ?? "").slice(0, 200),
    filtres: params.getAll("filtre").slice(0, 50),
    tri: params.get("tri") ?? "",
    ordre: params.get("ordre") ?? "",
  };
}

export function listHref(demarcheId: number, state: ListUrlState, changes: Partial<ListUrlState> & { cursor?: string } = {}) {
  const next = { ...state, ...changes };
  const query = new URLSearchParams();
  if (next.statut) query.set("statut", next.statut);
  if (next.q) query.set("q", next.q);
  for (const filtre of next.filtres) query.append("filtre", filtre);
  if (next.tri) query.set("tri", next.tri);
  if (next.ordre) query.set("ordre", next.ordre);
  if (changes.cursor) query.set("cursor", changes.cursor);
  const text = query.toString();
  return `/procedures/${demarcheId}${text ? `?${text}` : ""}`;
}
