/** Mentions légales: who publishes this instance, who hosts it, the software and its licences. */
import type { Route } from "./+types/mentions-legales";
import { services } from "../../lib/request.server";
import { type LegalFacts, LegalPage, type LegalSection } from "./legal-page";

export const handle = { i18n: ["legal"] };

const SECTIONS: LegalSection[] = [
  { id: "editeur", title: "legal.mentions.editeurTitle", body: "legal.mentions.editeur" },
  { id: "hebergement", title: "legal.mentions.hebergementTitle", body: "legal.mentions.hebergement" },
  { id: "logiciel", title: "legal.mentions.logicielTitle", body: "legal.mentions.logiciel" },
  { id: "propriete", title: "legal.mentions.proprieteTitle", body: "legal.mentions.propriete" },
  { id: "contact", title: "legal.mentions.contactTitle", body: "legal.mentions.contact" },
];

export function loader({ context }: Route.LoaderArgs): LegalFacts {
  return services(context).config.legal;
}

export default function MentionsLegales({ loaderData }: Route.ComponentProps) {
  return <LegalPage title="legal.mentions.title" sections={SECTIONS} facts={loaderData} />;
}
