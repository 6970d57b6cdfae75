import type { Translation } from "../../types";
import type fr from "../fr/legal";

export default {
  notGiven: "not given by the operator of this instance",
  noContact:
    "The operator of this instance has not given a contact address. Please contact the department in charge of your procedure.",
  updated: "This page describes how the Guichet software works and how this instance is configured.",
  mentions: {
    title: "Legal notice",
    editeurTitle: "Publisher",
    editeur:
      "This instance of Guichet is published by: {publisher}.\n\nEach procedure is published under the responsibility of the administration that puts it online: its name, legal basis and conditions are given on the procedure's presentation page.",
    hebergementTitle: "Hosting",
    hebergement: "{hosting}",
    logicielTitle: "Software",
    logiciel:
      "Guichet is free software for putting administrative procedures online, compatible with the API of demarches-simplifiees.fr. Its source code is published under a free licence; anyone may study it, reuse it and suggest improvements.",
    proprieteTitle: "Intellectual property",
    propriete:
      "The texts of the platform may be reused under the Open Licence 2.0 (Etalab). The logo of the French Republic (Marianne) and the State Design System are reserved for the websites of public administrations; they may not be reused outside that setting.",
    contactTitle: "Write to us",
    contact: "For any question about this website: {contact}.",
  },
  donnees: {
    title: "Personal data",
    intro:
      "Guichet processes personal data so that users can submit files and administrations can process them. This page explains which data, why, for how long, and how to exercise your rights, under the General Data Protection Regulation (GDPR) and the French Data Protection Act.",
    responsablesTitle: "Who is responsible?",
    responsables:
      "For the data of a file, the controller is the administration in charge of the procedure: it decides what is asked and what is done with it. Its legal basis and, where given, the link to its data protection officer (DPO) are on the procedure's presentation page.\n\nFor accounts and the running of the platform, the controller is the operator of this instance: {publisher}.",
    quoiTitle: "Which data?",
    quoi: "Your account: e-mail address, password (stored hashed, never in clear), chosen language, sign-in dates.\n\nYour files: the answers to the form and the attachments you upload, the history of decisions, the case workers' annotations (which you do not see).\n\nSecurity: to protect accounts against abuse, the IP address and the browser are recorded with each session and with sign-in attempts.",
    pourquoiTitle: "Why?",
    pourquoi:
      "So that you can submit and follow your files, so that authorised staff can process them, to tell you by e-mail how they progress, and to keep the service secure. No data is sold or used for advertising.",
    destinatairesTitle: "Who sees them?",
    destinataires:
      "Your files are visible only to you and to the case workers of the procedure concerned, and to the programs the administration of that procedure authorises (through its API access). The people who run the platform technically access them only for maintenance.",
    dureeTitle: "For how long?",
    duree:
      "How long files are kept is set by the administration in charge of the procedure and given on the procedure's presentation page. Expired sessions, expired links sent by e-mail and the records of sign-in attempts are deleted automatically every hour; files uploaded and then removed from a file are deleted every night.",
    cookiesTitle: "Cookies",
    cookies:
      "Guichet uses only cookies the service needs, which require no consent: the sign-in session, the protection of forms against request forgery, the chosen language, and a one-minute information message. No audience measurement or advertising cookie.",
    droitsTitle: "Your rights",
    droits:
      "You may access your data, have it corrected or erased, object to its processing or ask for it to be restricted, within the limits set by law (an administrative procedure in progress may require some information to be kept).\n\nFor a file, contact the administration in charge of the procedure, or its data protection officer if one is given on the procedure's page. For your account: {contact}.\n\nIf, after contacting us, you consider that your rights are not respected, you may lodge a complaint with the CNIL (www.cnil.fr).",
  },
  cgu: {
    title: "Terms of use",
    objetTitle: "Purpose",
    objet:
      "Guichet lets users fill in and submit files for administrative procedures online, and lets administrations process them. The service is free. Using the service means accepting these terms.",
    compteTitle: "Your account",
    compte:
      "An account is created with an e-mail address that you confirm. You are responsible for keeping your password secret: choose one you use nowhere else. If you think someone else knows it, change it from “My account”.",
    usagerTitle: "What users undertake",
    usager:
      "You undertake to give accurate information and to upload only documents you are entitled to use. A false statement may be punished (article 441-1 of the French Criminal Code). Do not use the service to send unlawful content or malicious files, or to disrupt it.",
    administrationTitle: "What administrations undertake",
    administration:
      "The administration that publishes a procedure is responsible for its content, its legal basis, the information asked, how long files are kept and how they are processed. It asks only for the information the procedure needs.",
    disponibiliteTitle: "Availability",
    disponibilite:
      "The service is available at all times, except during maintenance or an incident. A draft is saved as you type; a file reaches the administration only once submitted, which an e-mail confirms.",
    evolutionTitle: "Changes to these terms",
    evolution: "These terms may change with the service; the version online is the one that applies.",
  },
  contact: {
    title: "Help and contact",
    intro: "Depending on your question, the right person to write to is not the same.",
    dossierTitle: "A question about your file or a procedure",
    dossier:
      "The platform team cannot process your file, see its content or change a decision: only the administration in charge of the procedure can. Contact the department the procedure names (on its presentation page or in the e-mails you received about your file).",
    compteTitle: "An account or sign-in problem",
    compte:
      "Forgotten password: use “Forgot your password?” on the sign-in page. Expired confirmation link: ask for a new one from the sign-in page. A link received by e-mail works only once and for a limited time.",
    plateformeTitle: "A problem with the website",
    plateforme:
      "For a malfunction, an accessibility difficulty or a question about your data: {contact}. Describe what you were doing, the page concerned and the message shown; never send your password.",
    conseilsTitle: "Tips for filling in a file",
    conseils:
      "Your draft is saved as you go: you can stop and come back later from “My files”. Fields followed by an asterisk are required. The accepted attachments and their maximum size are given under each field. After submitting, you can still change your file until it is being processed.",
  },
} satisfies Translation<typeof fr>;
