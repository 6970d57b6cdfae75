/** The space a user lands in after signing in, as the reference does: the highest profile first. */
export function homePathFor(profiles: { administrateurId: number | null; instructeurId: number | null }): string {
  if (profiles.administrateurId !== null) return "/admin/procedures";
  if (profiles.instructeurId !== null) return "/procedures";
  return "/dossiers";
}
