/** Aide et contact: whom to ask what (the démarche's service for a dossier, the platform's address for the site). */
import type { Route } from "./+types/contact";
import { services } from "../../lib/request.server";
import { type LegalFacts, LegalPage, type LegalSection } from "./legal-page";

export const handle = { i18n: ["legal"] };

const SECTIONS: LegalSection[] = [
  { id: "dossier", title: "legal.contact.dossierTitle", body: "legal.contact.dossier" },
  { id: "compte", title: "legal.contact.compteTitle", body: "legal.contact.compte" },
  { id: "plateforme", title: "legal.contact.plateformeTitle", body: "legal.contact.plateforme" },
  { id: "conseils", title: "legal.contact.conseilsTitle", body: "legal.contact.conseils" },
];

export function loader({ context }: Route.LoaderArgs): LegalFacts {
  return services(context).config.legal;
}

export default function Contact({ loaderData }: Route.ComponentProps) {
  return <LegalPage title="legal.contact.title" intro="legal.contact.intro" sections={SECTIONS} facts={loaderData} />;
}
