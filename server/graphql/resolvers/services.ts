/**
 * `Demarche.service`, `DemarcheDescriptor.service` and the `Service` type: the démarche's
 * organisation card, batched by service id (a page of dossiers with their démarche costs one query).
 */
import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { services } from "../../db/schema";
import { toGlobalId } from "../ids";
import type { GraphqlContext } from "./context";

export type ServiceRow = typeof services.$inferSelect;

export function createServiceLoaders(db: Db) {
  return {
    service: new DataLoader<number, ServiceRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(services)
        .where(inArray(services.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** The service of a démarche row (null when none is chosen). */
export function demarcheService(demarche: { serviceId: number | null }, ctx: GraphqlContext) {
  return demarche.serviceId === null ? null : ctx.loaders.service.load(demarche.serviceId);
}

export const serviceResolvers = {
  Service: {
    id: (s: ServiceRow) => toGlobalId("Service", s.id),
  },
};
