/** Conditions d'utilisation of the platform. */
import type { Route } from "./+types/cgu";
import { services } from "../../lib/request.server";
import { type LegalFacts, LegalPage, type LegalSection } from "./legal-page";

export const handle = { i18n: ["legal"] };

const SECTIONS: LegalSection[] = [
  { id: "objet", title: "legal.cgu.objetTitle", body: "legal.cgu.objet" },
  { id: "compte", title: "legal.cgu.compteTitle", body: "legal.cgu.compte" },
  { id: "usager", title: "legal.cgu.usagerTitle", body: "legal.cgu.usager" },
  { id: "administration", title: "legal.cgu.administrationTitle", body: "legal.cgu.administration" },
  { id: "disponibilite", title: "legal.cgu.disponibiliteTitle", body: "legal.cgu.disponibilite" },
  { id: "evolution", title: "legal.cgu.evolutionTitle", body: "legal.cgu.evolution" },
];

export function loader({ context }: Route.LoaderArgs): LegalFacts {
  return services(context).config.legal;
}

export default function Cgu({ loaderData }: Route.ComponentProps) {
  return <LegalPage title="legal.cgu.title" sections={SECTIONS} facts={loaderData} />;
}
