import type { GroupeContact } from "../../../server/domain/groupes/contact";
import { useT } from "../../lib/i18n";

/** « Service en charge de votre dossier »: the contact card of the groupe handling the dossier. */
export function ContactCard({ contact }: { contact: GroupeContact }) {
  const t = useT();
  return (
    <section className="fr-mt-6w" aria-labelledby="contact-card-title" data-testid="contact-card">
      <h2 id="contact-card-title" className="fr-h4">
        {t("groupes.contactCard.title")}
      </h2>
      <address className="fr-text--md" style={{ fontStyle: "normal" }}>
        <strong>{contact.nom}</strong>
        <br />
        {t("groupes.contactCard.adresse")} : {contact.adresse}
        <br />
        {t("groupes.contactCard.email")} : <a href={`mailto:${contact.email}`}>{contact.email}</a>
        <br />
        {t("groupes.contactCard.telephone")} :{" "}
        <a href={`tel:${contact.telephone.replace(/[^+0-9]/g, "")}`}>{contact.telephone}</a>
        <br />
        {t("groupes.contactCard.horaires")} : {contact.horaires}
      </address>
    </section>
  );
}
