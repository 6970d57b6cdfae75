/**
 * The footer's pages about the platform itself: mentions légales, données personnelles, conditions
 * d'utilisation, aide et contact. Paragraphs are separated by a blank line. {publisher}, {hosting}
 * and {contact} come from the instance's configuration (PUBLISHER_NAME, HOSTING_INFO, CONTACT_EMAIL).
 */
export default {
  notGiven: "non renseigné par l’exploitant de cette instance",
  noContact:
    "L’exploitant de cette instance n’a pas indiqué d’adresse de contact. Adressez-vous au service qui gère votre démarche.",
  updated:
    "Les informations de cette page décrivent le fonctionnement du logiciel Guichet et la configuration de cette instance.",
  mentions: {
    title: "Mentions légales",
    editeurTitle: "Éditeur",
    editeur:
      "Cette instance de Guichet est publiée par : {publisher}.\n\nChaque démarche est publiée sous la responsabilité de l’administration qui la met en ligne : son nom, son cadre juridique et ses conditions figurent sur la page de présentation de la démarche.",
    hebergementTitle: "Hébergement",
    hebergement: "{hosting}",
    logicielTitle: "Logiciel",
    logiciel:
      "Guichet est un logiciel libre de dématérialisation des démarches administratives, compatible avec l’API de demarches-simplifiees.fr. Son code source est publié sous licence libre ; chacun peut l’étudier, le réutiliser et proposer des améliorations.",
    proprieteTitle: "Propriété intellectuelle",
    propriete:
      "Les textes de la plateforme sont réutilisables sous Licence Ouverte 2.0 (Etalab). Le logo de la République française (Marianne) et le Système de design de l’État sont réservés aux sites des administrations ; ils ne peuvent pas être réutilisés en dehors de ce cadre.",
    contactTitle: "Nous écrire",
    contact: "Pour toute question sur ce site : {contact}.",
  },
  donnees: {
    title: "Données personnelles",
    intro:
      "Guichet traite des données personnelles pour permettre aux usagers de déposer des dossiers et aux administrations de les instruire. Cette page explique lesquelles, pourquoi, combien de temps, et comment exercer vos droits, conformément au Règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.",
    responsablesTitle: "Qui est responsable ?",
    responsables:
      "Pour les données d’un dossier, le responsable de traitement est l’administration qui gère la démarche : elle décide de ce qui est demandé et de ce qui en est fait. Sa base légale et, le cas échéant, le lien vers son délégué à la protection des données (DPO) figurent sur la page de présentation de la démarche.\n\nPour les comptes et le fonctionnement de la plateforme, le responsable est l’exploitant de cette instance : {publisher}.",
    quoiTitle: "Quelles données ?",
    quoi: "Votre compte : adresse électronique, mot de passe (conservé sous forme chiffrée, jamais en clair), langue choisie, dates de connexion.\n\nVos dossiers : les réponses au formulaire et les pièces jointes que vous déposez, l’historique des décisions, les annotations des instructeurs (que vous ne voyez pas).\n\nLa sécurité : pour protéger les comptes contre les abus, l’adresse IP et le navigateur sont associés à chaque session et aux tentatives de connexion.",
    pourquoiTitle: "Pourquoi ?",
    pourquoi:
      "Pour vous permettre de déposer et suivre vos dossiers, pour permettre aux agents habilités de les instruire, pour vous informer par courriel de leur avancement, et pour garantir la sécurité du service. Aucune donnée n’est vendue, ni utilisée à des fins publicitaires.",
    destinatairesTitle: "Qui les voit ?",
    destinataires:
      "Vos dossiers ne sont visibles que par vous et par les instructeurs de la démarche concernée, ainsi que par les programmes autorisés par l’administration de cette démarche (via son accès à l’API). Les personnes qui administrent techniquement la plateforme n’y accèdent que pour la maintenance.",
    dureeTitle: "Combien de temps ?",
    duree:
      "La durée de conservation des dossiers est fixée par l’administration qui gère la démarche et indiquée sur la page de présentation de la démarche. Les sessions de connexion expirées, les liens reçus par courriel expirés et les traces des tentatives de connexion sont effacés automatiquement toutes les heures ; les fichiers déposés puis retirés d’un dossier sont effacés chaque nuit.",
    cookiesTitle: "Cookies",
    cookies:
      "Guichet n’utilise que des cookies nécessaires au service, qui ne demandent pas votre consentement : la session de connexion, la protection des formulaires contre la falsification de requêtes, la langue choisie et un message d’information d’une minute. Aucun cookie de mesure d’audience ni de publicité.",
    droitsTitle: "Vos droits",
    droits:
      "Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou en demander la limitation, dans les limites prévues par la loi (une démarche administrative en cours peut exiger de conserver certaines informations).\n\nPour un dossier, adressez-vous à l’administration qui gère la démarche, ou à son délégué à la protection des données s’il est indiqué sur la page de la démarche. Pour votre compte : {contact}.\n\nSi vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
  },
  cgu: {
    title: "Conditions d’utilisation",
    objetTitle: "Objet",
    objet:
      "Guichet permet aux usagers de remplir et déposer en ligne des dossiers de démarches administratives, et aux administrations de les instruire. L’utilisation du service est gratuite. Utiliser le service vaut acceptation des présentes conditions.",
    compteTitle: "Votre compte",
    compte:
      "Un compte est créé avec une adresse électronique que vous confirmez. Vous êtes responsable de la confidentialité de votre mot de passe : choisissez-en un que vous n’utilisez nulle part ailleurs. Si vous pensez qu’il est connu d’un tiers, changez-le depuis « Mon compte ».",
    usagerTitle: "Engagements de l’usager",
    usager:
      "Vous vous engagez à fournir des informations exactes et à ne déposer que des documents dont vous avez le droit de disposer. Une fausse déclaration peut être sanctionnée (article 441-1 du Code pénal). N’utilisez pas le service pour envoyer des contenus illicites ou des fichiers malveillants, ni pour perturber son fonctionnement.",
    administrationTitle: "Engagements des administrations",
    administration:
      "L’administration qui publie une démarche est responsable de son contenu, de sa base légale, des informations demandées, du délai de conservation des dossiers et de leur instruction. Elle ne demande que les informations nécessaires à la démarche.",
    disponibiliteTitle: "Disponibilité",
    disponibilite:
      "Le service est accessible en continu, sauf interruption pour maintenance ou incident. Un brouillon est enregistré au fur et à mesure de la saisie ; un dossier n’est transmis à l’administration qu’une fois déposé, ce que confirme un courriel.",
    evolutionTitle: "Évolution des conditions",
    evolution: "Ces conditions peuvent évoluer avec le service ; la version en ligne est celle qui s’applique.",
  },
  contact: {
    title: "Aide et contact",
    intro: "Selon votre question, la bonne personne à qui écrire n’est pas la même.",
    dossierTitle: "Une question sur votre dossier ou sur une démarche",
    dossier:
      "L’équipe de la plateforme ne peut ni instruire votre dossier, ni en connaître le contenu, ni modifier une décision : seule l’administration qui gère la démarche le peut. Adressez-vous au service indiqué par la démarche (sur sa page de présentation ou dans les courriels reçus au sujet de votre dossier).",
    compteTitle: "Un problème de compte ou de connexion",
    compte:
      "Mot de passe oublié : utilisez « Mot de passe oublié ? » sur la page de connexion. Lien de confirmation expiré : demandez-en un nouveau depuis la page de connexion. Un lien reçu par courriel n’est valable qu’une fois et pour une durée limitée.",
    plateformeTitle: "Une difficulté avec le site",
    plateforme:
      "Pour un dysfonctionnement, une difficulté d’accessibilité ou une question sur vos données : {contact}. Décrivez ce que vous faisiez, la page concernée et le message affiché ; n’envoyez jamais votre mot de passe.",
    conseilsTitle: "Conseils pour remplir un dossier",
    conseils:
      "Votre brouillon est enregistré au fur et à mesure : vous pouvez vous interrompre et revenir plus tard depuis « Mes dossiers ». Les champs suivis d’un astérisque sont obligatoires. Les pièces jointes acceptées et leur taille maximale sont indiquées sous chaque champ. Après le dépôt, vous pouvez encore modifier votre dossier tant qu’il n’est pas passé en instruction.",
  },
};
