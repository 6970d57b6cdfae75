import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { franceConnectInformations } from "../../db/schema";
import { civiliteFromGender } from "../../domain/accounts/france-connect";

export interface FranceConnectIdentityView {
  civilite: "M." | "Mme" | null;
  nom: string;
  prenom: string;
  /** YYYY-MM-DD, or null. */
  birthdate: string | null;
}

/** The FranceConnect identity linked to the usager's account, as the identity step of a dossier reads it; null without one. */
export async function franceConnectIdentityOf(db: DbOrTx, userId: number): Promise<FranceConnectIdentityView | null> {
  const [row] = await db
    .select({
      gender: franceConnectInformations.gender,
      familyName: franceConnectInformations.familyName,
      givenName: franceConnectInformations.givenName,
      birthdate: franceConnectInformations.birthdate,
    })
    .from(franceConnectInformations)
    .where(eq(franceConnectInformations.userId, userId))
    .limit(1);
  if (!row) return null;
  return { civilite: civiliteFromGender(row.gender), nom: row.familyName, prenom: row.givenName, birthdate: row.birthdate };
}
