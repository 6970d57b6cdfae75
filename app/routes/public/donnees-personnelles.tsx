/** Données personnelles: what Guichet processes, why, for how long, and how to exercise one's rights. */
import type { Route } from "./+types/donnees-personnelles";
import { services } from "../../lib/request.server";
import { type LegalFacts, LegalPage, type LegalSection } from "./legal-page";

export const handle = { i18n: ["legal"] };

const SECTIONS: LegalSection[] = [
  { id: "responsables", title: "legal.donnees.responsablesTitle", body: "legal.donnees.responsables" },
  { id: "quoi", title: "legal.donnees.quoiTitle", body: "legal.donnees.quoi" },
  { id: "pourquoi", title: "legal.donnees.pourquoiTitle", body: "legal.donnees.pourquoi" },
  { id: "destinataires", title: "legal.donnees.destinatairesTitle", body: "legal.donnees.destinataires" },
  { id: "duree", title: "legal.donnees.dureeTitle", body: "legal.donnees.duree" },
  { id: "cookies", title: "legal.donnees.cookiesTitle", body: "legal.donnees.cookies" },
  { id: "droits", title: "legal.donnees.droitsTitle", body: "legal.donnees.droits" },
];

export function loader({ context }: Route.LoaderArgs): LegalFacts {
  return services(context).config.legal;
}

export default function DonneesPersonnelles({ loaderData }: Route.ComponentProps) {
  return <LegalPage title="legal.donnees.title" intro="legal.donnees.intro" sections={SECTIONS} facts={loaderData} />;
}
