/**
 * Several e-mail addresses pasted in one box, separated by commas, semicolons, spaces or line
 * breaks (as copied from a spreadsheet or a mail client): lower-cased, without duplicates, in order.
 */
export function splitEmailList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    // "Camille Dupont <camille@exemple.fr>" pasted from a mail client keeps only the address.
    const address = part.replace(/^<|>$/g, "").trim().toLowerCase();
    if (address !== "") seen.add(address);
  }
  return [...seen];
}
