/**
 * Services (organisation cards) as the people who see them: the administrateur who owns one, the
 * usager of a dossier (the service of its démarche), and the e-mails about a dossier.
 */
import { and, eq } from "drizzle-orm";
import { dossiersOfUsager } from "../db/scopes";
import type { DbOrTx } from "../db/client";
import { demarches, dossiers, services } from "../db/schema";
import { NotFoundError } from "../errors";

/** The administrateur's own service, or NotFoundError (another administrateur's is "not found"). */
export async function findOwnService(db: DbOrTx, administrateurId: number, serviceId: number, lock = false) {
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) throw new NotFoundError("Service");
  const query = db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.administrateurId, administrateurId)))
    .limit(1);
  const [service] = lock ? await query.for("update") : await query;
  if (!service) throw new NotFoundError("Service");
  return service;
}

/** What usagers and e-mails show of a service. */
export interface ServiceCard {
  id: number;
  nom: string;
  organisme: string;
  typeOrganisme: (typeof services.$inferSelect)["typeOrganisme"];
  siret: string | null;
  email: string;
  telephone: string;
  horaires: string;
  adresse: string;
}

const CARD = {
  id: services.id,
  nom: services.nom,
  organisme: services.organisme,
  typeOrganisme: services.typeOrganisme,
  siret: services.siret,
  email: services.email,
  telephone: services.telephone,
  horaires: services.horaires,
  adresse: services.adresse,
};

/** The service of a démarche, or null when none is chosen yet. */
export async function serviceOfDemarche(db: DbOrTx, demarcheId: number): Promise<ServiceCard | null> {
  const [row] = await db
    .select(CARD)
    .from(demarches)
    .innerJoin(services, eq(services.id, demarches.serviceId))
    .where(eq(demarches.id, demarcheId))
    .limit(1);
  return row ?? null;
}

/**
 * The service of a dossier's démarche (for e-mail templates and the usager's dossier pages). Not
 * scoped: callers have already scoped the dossier (a page) or act for the platform (a mail job).
 */
export async function serviceForDossier(db: DbOrTx, dossierId: number): Promise<ServiceCard | null> {
  const [row] = await db
    .select(CARD)
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .innerJoin(services, eq(services.id, demarches.serviceId))
    .where(eq(dossiers.id, dossierId))
    .limit(1);
  return row ?? null;
}

/** The service shown on the usager's dossier pages: null when none, or when the dossier is not theirs. */
export async function serviceForUsagerDossier(db: DbOrTx, userId: number, dossierId: number): Promise<ServiceCard | null> {
  if (!Number.isSafeInteger(dossierId) || dossierId <= 0 || dossierId > 2_147_483_647) return null;
  const [row] = await db
    .select(CARD)
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .innerJoin(services, eq(services.id, demarches.serviceId))
    .where(and(eq(dossiers.id, dossierId), dossiersOfUsager(userId)))
    .limit(1);
  return row ?? null;
}
