/** The instructeur's file list (columns, filters, search) and archive / bin actions. */
export default {
  archivage: {
    title: "Archiving",
    archiver: "Archive this file",
    archiverHint: "An archived file leaves the “Processed” and “All” tabs; its messages are closed.",
    desarchiver: "Unarchive this file",
    supprimer: "Move to the bin",
    supprimerHint: "The file stays readable in the “Bin” tab and can be restored.",
    restaurer: "Restore this file",
    archived: "This file is archived.",
    inCorbeille: "This file is in the bin.",
    onlyTermine: "Archiving and the bin apply to processed files (accepted, refused or closed without action).",
    notices: {
      archiver: "The file has been archived.",
      desarchiver: "The file has been unarchived.",
      supprimer: "The file has been moved to the bin.",
      restaurer: "The file has been restored.",
    },
    refusals: {
      not_termine: "Only a processed file (accepted, refused or closed without action) can be archived or moved to the bin.",
      already_archived: "This file is already archived.",
      not_archived: "This file is not archived.",
      already_deleted: "This file is already in the bin.",
      not_deleted: "This file is not in the bin.",
      in_corbeille: "This file is in the bin: restore it first.",
      unknown_action: "Unknown action.",
    },
  },
};
