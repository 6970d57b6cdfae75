/**
 * What the presentation of a démarche still lacks before it can be published (the reference's
 * « étapes manquantes »): a service with a real SIRET, at least one instructeur, the website where
 * usagers find the link. Pure: the caller reads the facts; the publish operation refuses with
 * these codes and the overview page lists them.
 */
import { isServiceSiret } from "./service-card";

export interface PublicationFacts {
  service: { siret: string | null } | null;
  instructeursCount: number;
  lienSiteWeb: string | null;
}

export const CHECKLIST_CODES = ["service_missing", "service_siret_invalid", "no_instructeur", "lien_site_web_missing"] as const;
export type ChecklistCode = (typeof CHECKLIST_CODES)[number];

export function missingBeforePublication(facts: PublicationFacts): ChecklistCode[] {
  const missing: ChecklistCode[] = [];
  if (facts.service === null) missing.push("service_missing");
  else if (facts.service.siret === null || !isServiceSiret(facts.service.siret)) missing.push("service_siret_invalid");
  if (facts.instructeursCount <= 0) missing.push("no_instructeur");
  if (facts.lienSiteWeb === null || facts.lienSiteWeb.trim() === "") missing.push("lien_site_web_missing");
  return missing;
}
