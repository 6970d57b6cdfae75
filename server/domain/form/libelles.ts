/**
 * Libellés named in a message (« Montant », « Avis »): French quotation marks with non-breaking
 * spaces inside, so that a line never breaks between a mark and the libellé it quotes.
 */
export function quotedLibelles(libelles: readonly string[]): string {
  return libelles.map((libelle) => `«\u00a0${libelle}\u00a0»`).join(", ");
}
