/** Conservation and expiry of dossiers: notices, deletion, « conserver plus longtemps ». */
export default {
  mail: {
    expiring: {
      subject_one: "Un de vos dossiers va bientôt être supprimé",
      subject_other: "{count} de vos dossiers vont bientôt être supprimés",
      intro_one: "Le dossier suivant arrive à la fin de sa durée de conservation :",
      intro_other: "Les {count} dossiers suivants arrivent à la fin de leur durée de conservation :",
      line: "n° {number} — {demarche} ({state}) : supprimé le {date}",
      usagerAction:
        "Pour le conserver plus longtemps, ouvrez-le et choisissez « Conserver plus longtemps ». Sans action de votre part, il sera supprimé à cette date.",
      administrationAction:
        "Un instructeur peut le conserver plus longtemps depuis la page du dossier. Sans action, il sera supprimé à cette date.",
      link: "Voir mes dossiers",
    },
    expired: {
      subject_one: "Un dossier a été supprimé à la fin de sa durée de conservation",
      subject_other: "{count} dossiers ont été supprimés à la fin de leur durée de conservation",
      intro_one: "Le dossier suivant a atteint la fin de sa durée de conservation et a été supprimé :",
      intro_other: "Les {count} dossiers suivants ont atteint la fin de leur durée de conservation et ont été supprimés :",
      line: "n° {number} — {demarche} ({state})",
      restore: "Pendant encore 2 semaines, vous pouvez le restaurer en choisissant « Conserver plus longtemps » sur le dossier.",
    },
  },
  state: {
    brouillon: "brouillon",
    en_construction: "en construction",
    en_instruction: "en instruction",
    accepte: "accepté",
    refuse: "refusé",
    sans_suite: "classé sans suite",
  },
  extend: {
    title: "Conservation du dossier",
    expiresOn: "Ce dossier sera supprimé le {date}, à la fin de sa durée de conservation.",
    expired: "Ce dossier a été supprimé à la fin de sa durée de conservation. Il sera effacé définitivement le {date}.",
    action: "Conserver plus longtemps",
    done: "La durée de conservation du dossier a été prolongée.",
  },
  recentlyDeleted: {
    title: "Supprimés récemment",
    intro:
      "Ces dossiers ont été supprimés, par vous ou à la fin de leur durée de conservation. Vous pouvez les restaurer jusqu’à leur effacement définitif.",
    empty: "Aucun dossier supprimé récemment.",
    caption: "Dossiers supprimés récemment",
    number: "N° dossier",
    demarche: "Démarche",
    state: "État",
    purgeOn: "Effacé définitivement le",
    action: "Action",
    restore: "Restaurer",
    restoreSrOnly: "le dossier n° {number}",
    restoreFailed: "Le dossier n° {number} n’a pas pu être restauré. {reason}",
    restored: "Le dossier n° {number} a été restauré : sa durée de conservation a été prolongée.",
    deleted: "Le dossier n° {number} a été supprimé. Vous pouvez le restaurer tant qu’il n’est pas effacé définitivement.",
    undeleted: "Le dossier n° {number} a été restauré : il est de nouveau dans vos dossiers.",
    purgeWithAdministration: "Quand l’administration l’aura supprimé aussi",
  },
  errors: {
    restore_not_deleted: "Ce dossier n’est pas supprimé : il n’y a rien à restaurer.",
    restore_too_late: "Le délai pour restaurer ce dossier est dépassé : il va être effacé définitivement.",
    expiry_never: "Ce dossier n’expire pas dans son état actuel : il n’y a rien à prolonger.",
    expiry_not_close:
      "Ce dossier n’arrive pas encore à la fin de sa durée de conservation : il pourra être prolongé dans les 2 semaines qui précèdent sa suppression.",
    expiry_deleted: "Ce dossier a été supprimé : restaurez-le plutôt que de prolonger sa conservation.",
  },
};
