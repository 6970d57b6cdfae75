import type { Translation } from "../../types";
import type fr from "../fr/conservation";

/** Retention and expiry of files: notices, deletion, "keep longer". */
export default {
  mail: {
    expiring: {
      subject_one: "One of your files will soon be deleted",
      subject_other: "{count} of your files will soon be deleted",
      intro_one: "The following file reaches the end of its retention period:",
      intro_other: "The following {count} files reach the end of their retention period:",
      line: "no. {number} — {demarche} ({state}): deleted on {date}",
      usagerAction: 'To keep it longer, open it and choose "Keep longer". Otherwise it will be deleted on that date.',
      administrationAction: "An instructeur can keep it longer from the file's page. Otherwise it will be deleted on that date.",
      link: "See my files",
    },
    expired: {
      subject_one: "A file was deleted at the end of its retention period",
      subject_other: "{count} files were deleted at the end of their retention period",
      intro_one: "The following file reached the end of its retention period and was deleted:",
      intro_other: "The following {count} files reached the end of their retention period and were deleted:",
      line: "no. {number} — {demarche} ({state})",
      restore: 'For 2 more weeks, you can restore it by choosing "Keep longer" on the file.',
    },
  },
  state: {
    brouillon: "draft",
    en_construction: "submitted",
    en_instruction: "under review",
    accepte: "accepted",
    refuse: "refused",
    sans_suite: "closed without follow-up",
  },
  extend: {
    title: "Retention of the file",
    expiresOn: "This file will be deleted on {date}, at the end of its retention period.",
    expired: "This file was deleted at the end of its retention period. It will be erased for good on {date}.",
    action: "Keep longer",
    done: "The retention period of the file was extended.",
  },
  recentlyDeleted: {
    title: "Recently deleted",
    intro:
      "These files were deleted, by you or at the end of their retention period. You can restore them until they are permanently erased.",
    empty: "No recently deleted file.",
    caption: "Recently deleted files",
    number: "File no.",
    demarche: "Procedure",
    state: "Status",
    purgeOn: "Permanently erased on",
    action: "Action",
    restore: "Restore",
    restoreSrOnly: "file no. {number}",
    restoreFailed: "File no. {number} could not be restored. {reason}",
    restored: "File no. {number} was restored: its retention period was extended.",
    deleted: "File no. {number} was deleted. You can restore it until it is permanently erased.",
    undeleted: "File no. {number} was restored: it is back in your files.",
    purgeWithAdministration: "Once the administration deletes it too",
  },
  errors: {
    restore_not_deleted: "This file is not deleted: there is nothing to restore.",
    restore_too_late: "The time to restore this file is over: it is about to be permanently erased.",
    expiry_never: "This file does not expire in its current state: there is nothing to extend.",
    expiry_not_close:
      "This file is not close to the end of its retention period yet: it can be extended during the 2 weeks before its deletion.",
    expiry_deleted: "This file was deleted: restore it rather than extending its retention.",
  },
} satisfies Translation<typeof fr>;
