/**
 * The five labels the reference offers (À examiner, À relancer, Complet, À signer, Urgent), named in
 * the administrateur's language; those whose name the démarche already has are skipped.
 */
import { getT, type Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { labels } from "../../db/schema";
import { GENERIC_LABELS, MAX_LABELS_PER_DEMARCHE } from "../../domain/labels/labels";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { labelsOfDemarcheInTx } from "./demarche-labels";

export async function createGenericLabels(db: Db, administrateurId: number, demarcheId: number, locale: Locale) {
  const t = getT(locale);
  return db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const existing = await labelsOfDemarcheInTx(tx, demarcheId);
    const taken = new Set(existing.map((l) => l.name.toLocaleLowerCase("fr")));
    let position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
    let count = existing.length;
    let created = 0;
    for (const generic of GENERIC_LABELS) {
      const name = t(`notifications.labels.generic.${generic.key}`);
      if (taken.has(name.toLocaleLowerCase("fr")) || count >= MAX_LABELS_PER_DEMARCHE) continue;
      await tx.insert(labels).values({ demarcheId, name, color: generic.color, position: position++ });
      count++;
      created++;
    }
    return { ok: true as const, created };
  });
}
