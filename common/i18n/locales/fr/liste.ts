/** The instructeur's dossier list (columns, filters, search) and archive / corbeille actions. */
export default {
  archivage: {
    title: "Archivage",
    archiver: "Archiver le dossier",
    archiverHint: "Un dossier archivé quitte les onglets « Traités » et « Au total » ; la messagerie est fermée.",
    desarchiver: "Désarchiver le dossier",
    supprimer: "Mettre à la corbeille",
    supprimerHint: "Le dossier reste consultable dans l’onglet « Corbeille » et peut être restauré.",
    restaurer: "Restaurer le dossier",
    archived: "Ce dossier est archivé.",
    inCorbeille: "Ce dossier est dans la corbeille.",
    onlyTermine: "L’archivage et la corbeille concernent les dossiers traités (acceptés, refusés ou classés sans suite).",
    notices: {
      archiver: "Le dossier a été archivé.",
      desarchiver: "Le dossier a été désarchivé.",
      supprimer: "Le dossier a été mis à la corbeille.",
      restaurer: "Le dossier a été restauré.",
    },
    refusals: {
      not_termine: "Seul un dossier traité (accepté, refusé ou classé sans suite) peut être archivé ou mis à la corbeille.",
      already_archived: "Ce dossier est déjà archivé.",
      not_archived: "Ce dossier n’est pas archivé.",
      already_deleted: "Ce dossier est déjà dans la corbeille.",
      not_deleted: "Ce dossier n’est pas dans la corbeille.",
      in_corbeille: "Ce dossier est dans la corbeille : restaurez-le d’abord.",
      unknown_action: "Action inconnue.",
    },
  },
};
