export default {
  partage: {
    invite: {
      subject: "{inviter} vous invite à compléter le dossier n° {number} ({demarche})",
      body: "{inviter} vous invite à consulter et compléter son dossier n° {number} sur la démarche « {demarche} ».",
      link: "Ouvrir le dossier",
      signUp: "Créer mon compte avec cette adresse",
      rights:
        "Vous pourrez modifier le formulaire et écrire dans la messagerie du dossier ; seul son titulaire peut le déposer, le transférer ou le supprimer.",
    },
    transfer: {
      subject: "{from} souhaite vous transférer des dossiers",
      bodyOne: "{from} souhaite vous transférer son dossier n° {number}.",
      bodyAll: "{from} souhaite vous transférer ses dossiers ({count}).",
      link: "Accepter ou refuser le transfert",
      validity: "Cette demande est valable deux semaines. Connectez-vous avec cette adresse pour y répondre.",
    },
    changeEmail: {
      subject: "Confirmez votre nouvelle adresse électronique",
      body: "Vous avez demandé à utiliser l’adresse {email} pour votre compte Guichet. Ouvrez le lien ci-dessous pour confirmer.",
      link: "Confirmer ma nouvelle adresse",
      ignore: "Ce lien est valable 24 heures. Si vous n’avez rien demandé, ignorez ce courriel : votre adresse ne changera pas.",
    },
  },
  auth: {
    hello: "Bonjour,",
    signature: "L’équipe Guichet",
    franceConnectMerge: {
      subject: "Liez votre compte à FranceConnect",
      intro:
        "Quelqu’un (sans doute vous) s’est identifié avec FranceConnect sur Guichet et souhaite lier cette identité au compte existant de l’adresse {email}. Pour confirmer, ouvrez le lien ci-dessous.",
      action: "Lier mon compte à FranceConnect",
      validity: "Ce lien est valable une heure et ne peut servir qu’une fois.",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera lié à votre compte.",
    },
    confirmEmail: {
      subject: "Confirmez votre adresse électronique",
      intro:
        "Vous venez de créer un compte sur Guichet avec l’adresse {email}. Pour l’activer, confirmez votre adresse en ouvrant le lien ci-dessous.",
      action: "Confirmer mon adresse",
      validity: "Ce lien est valable 24 heures et ne peut servir qu’une fois.",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : aucun compte ne sera activé.",
    },
    accountExists: {
      subject: "Vous avez déjà un compte Guichet",
      intro:
        "Quelqu’un, probablement vous, a demandé à créer un compte Guichet avec l’adresse {email}. Un compte existe déjà pour cette adresse : vous pouvez vous connecter.",
      signIn: "Me connecter",
      forgot:
        "Vous avez oublié votre mot de passe, ou vous n’en avez jamais choisi ? Demandez un lien pour en choisir un nouveau :",
      reset: "Choisir un nouveau mot de passe",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte n’a pas été modifié.",
    },
    resetPassword: {
      subject: "Choisissez un nouveau mot de passe",
      intro:
        "Une demande de nouveau mot de passe a été faite pour le compte Guichet {email}. Ouvrez le lien ci-dessous pour choisir votre nouveau mot de passe.",
      action: "Choisir un nouveau mot de passe",
      validity:
        "Ce lien est valable 1 heure et ne peut servir qu’une fois. Après le changement, toutes vos sessions ouvertes seront fermées.",
      ignore: "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
    },
    invitation: {
      subject: "Invitation à instruire la démarche « {demarche} »",
      intro: "{inviter} vous invite à rejoindre Guichet comme instructeur de la démarche « {demarche} ».",
      account: "Un compte a été préparé pour l’adresse {email}. Choisissez votre mot de passe pour l’activer :",
      action: "Choisir mon mot de passe",
      validity:
        "Ce lien est valable 7 jours et ne peut servir qu’une fois. Passé ce délai, utilisez « Mot de passe oublié » sur la page de connexion.",
    },
    instructeurAdded: {
      subject: "Vous êtes instructeur de la démarche « {demarche} »",
      intro:
        "{inviter} vous a ajouté comme instructeur de la démarche « {demarche} ». Ses dossiers sont dans votre espace instructeur.",
      action: "Me connecter",
      account: "Connectez-vous avec votre compte habituel ({email}).",
    },
  },
  message: {
    subject: "Nouveau message concernant votre dossier n° {number} ({demarche})",
    body: "L’administration vous a écrit au sujet de votre dossier n° {number} déposé sur la démarche « {demarche} ».",
    correctionSubject: "Correction demandée sur votre dossier n° {number} ({demarche})",
    correctionBody:
      "L’administration vous demande de corriger votre dossier n° {number} déposé sur la démarche « {demarche} ». Lisez son message, modifiez votre dossier puis déposez les modifications.",
    linkLabel: "Lire le message",
    noReply: "Pour répondre, utilisez la messagerie de votre dossier : ne répondez pas à ce courriel.",
  },
  dossier: {
    hello: "Bonjour,",
    signature: "L’équipe Guichet",
    linkLabel: "Consulter mon dossier",
    followUp: "Vous pouvez consulter votre dossier et les éventuels messages de l’administration à tout moment :",
    attestation: "Votre attestation est disponible :",
    attestationLabel: "Télécharger l’attestation",
    logoAlt: "Logo de la démarche « {demarche} »",
    depose: {
      subject: "Votre dossier n° {number} a bien été déposé ({demarche})",
      body: "Votre dossier n° {number} a bien été déposé sur la démarche « {demarche} ». Il va être examiné par l’administration.",
      stillEditable: "Tant qu’il n’est pas passé en instruction, vous pouvez encore le modifier.",
    },
    modificationsDeposees: {
      subject: "Vos modifications du dossier n° {number} ont bien été déposées ({demarche})",
      body: "Les modifications de votre dossier n° {number}, déposé sur la démarche « {demarche} », ont bien été transmises à l’administration. Elles remplacent les réponses précédentes.",
      stillEditable: "Tant qu’il n’est pas passé en instruction, vous pouvez encore le modifier.",
    },
    passeEnInstruction: {
      subject: "Votre dossier n° {number} va être examiné ({demarche})",
      body: "Votre dossier n° {number} déposé sur la démarche « {demarche} » va être examiné par les services de l’administration. Il ne peut plus être modifié.",
      messages: "Vous pouvez toujours échanger avec l’administration par la messagerie de votre dossier.",
    },
    accepte: {
      subject: "Votre dossier n° {number} a été accepté ({demarche})",
      body: "Nous avons le plaisir de vous informer que votre dossier n° {number}, déposé sur la démarche « {demarche} », a été accepté.",
      motivation: "Motif de la décision :",
    },
    refuse: {
      subject: "Votre dossier n° {number} a été refusé ({demarche})",
      body: "Nous vous informons que votre dossier n° {number}, déposé sur la démarche « {demarche} », a été refusé.",
      motivation: "Motif du refus :",
    },
    classeSansSuite: {
      subject: "Votre dossier n° {number} a été classé sans suite ({demarche})",
      body: "Nous vous informons que votre dossier n° {number}, déposé sur la démarche « {demarche} », a été classé sans suite.",
      motivation: "Motif du classement sans suite :",
    },
    repasseEnInstruction: {
      subject: "Votre dossier n° {number} est à nouveau en instruction ({demarche})",
      body: "La décision prise sur votre dossier n° {number}, déposé sur la démarche « {demarche} », a été annulée : votre dossier est de nouveau en cours d’instruction par l’administration.",
      next: "Vous recevrez un nouveau message lorsqu’une décision aura été prise.",
    },
    decisionDisponible: {
      subject: "Une décision a été rendue sur votre dossier n° {number} ({demarche})",
      body: "Une décision a été rendue sur votre dossier n° {number}, déposé sur la démarche « {demarche} ».",
      acknowledge: "Pour en prendre connaissance, connectez-vous et accusez-en la lecture sur la page de votre dossier.",
    },
  },
  /** The local mailbox page (/mailbox, development and embedded mode only). */
  mailbox: {
    title: "Boîte mail locale",
    lead: "Les courriels que Guichet aurait envoyés. Cette page n’existe qu’en développement : en production, les courriels partent par SMTP.",
    filterLabel: "Destinataire",
    filterHint: "Adresse électronique exacte, par exemple camille@exemple.fr",
    filter: "Filtrer",
    clearFilter: "Voir tous les courriels",
    caption: "Courriels envoyés, le plus récent d’abord",
    captionFiltered: "Courriels envoyés à {to}, le plus récent d’abord",
    to: "Destinataire",
    subject: "Objet",
    date: "Date",
    empty: "Aucun courriel.",
    limit: "Seuls les {count} courriels les plus récents sont affichés.",
    back: "Retour à la boîte mail",
    recipientLine: "À : {to}",
    sentAt: "Envoyé le {date}",
    textVersion: "Version texte",
    htmlVersion: "Version HTML",
    htmlFrameTitle: "Aperçu de la version HTML du courriel « {subject} »",
    htmlSkipped:
      "La version HTML n’est pas affichée : elle utilise des contenus que la politique de sécurité de la page interdit.",
  },
} as const;
