import type { Translation } from "../../types";
import type fr from "../fr/mail";

export default {
  partage: {
    invite: {
      subject: "{inviter} invites you to complete dossier no. {number} ({demarche})",
      body: "{inviter} invites you to view and complete their dossier no. {number} on the procedure “{demarche}”.",
      link: "Open the dossier",
      signUp: "Create my account with this address",
      rights:
        "You will be able to edit the form and write in the dossier’s messages; only its holder can submit, transfer or delete it.",
    },
    transfer: {
      subject: "{from} wants to transfer dossiers to you",
      bodyOne: "{from} wants to transfer their dossier no. {number} to you.",
      bodyAll: "{from} wants to transfer their dossiers ({count}) to you.",
      link: "Accept or refuse the transfer",
      validity: "This request is valid for two weeks. Sign in with this address to answer it.",
    },
    changeEmail: {
      subject: "Confirm your new e-mail address",
      body: "You asked to use the address {email} for your Guichet account. Open the link below to confirm.",
      link: "Confirm my new address",
      ignore:
        "This link is valid for 24 hours. If you did not ask for anything, ignore this e-mail: your address will not change.",
    },
  },
  auth: {
    hello: "Hello,",
    signature: "The Guichet team",
    franceConnectMerge: {
      subject: "Link your account to FranceConnect",
      intro:
        "Someone (probably you) signed in with FranceConnect on Guichet and wishes to link that identity to the existing account of the address {email}. To confirm, open the link below.",
      action: "Link my account to FranceConnect",
      validity: "This link is valid for one hour and can be used only once.",
      ignore: "If you did not make this request, ignore this message: nothing will be linked to your account.",
    },
    confirmEmail: {
      subject: "Confirm your e-mail address",
      intro:
        "You have just created a Guichet account with the address {email}. To activate it, confirm your address by opening the link below.",
      action: "Confirm my address",
      validity: "This link is valid for 24 hours and can be used only once.",
      ignore: "If you did not make this request, ignore this message: no account will be activated.",
    },
    accountExists: {
      subject: "You already have a Guichet account",
      intro:
        "Someone, probably you, asked to create a Guichet account with the address {email}. An account already exists for this address: you can sign in.",
      signIn: "Sign in",
      forgot: "Forgot your password, or never chose one? Ask for a link to choose a new one:",
      reset: "Choose a new password",
      ignore: "If you did not make this request, ignore this message: your account has not been changed.",
    },
    resetPassword: {
      subject: "Choose a new password",
      intro: "A new password was requested for the Guichet account {email}. Open the link below to choose your new password.",
      action: "Choose a new password",
      validity:
        "This link is valid for 1 hour and can be used only once. Once the password is changed, all your open sessions will be signed out.",
      ignore: "If you did not make this request, ignore this message: your current password remains valid.",
    },
    invitation: {
      subject: "Invitation to process the procedure “{demarche}”",
      intro: "{inviter} invites you to join Guichet as an instructeur (case officer) of the procedure “{demarche}”.",
      account: "An account has been prepared for the address {email}. Choose your password to activate it:",
      action: "Choose my password",
      validity: "This link is valid for 7 days and can be used only once. After that, use “Forgot password” on the sign-in page.",
    },
    instructeurAdded: {
      subject: "You are now an instructeur of the procedure “{demarche}”",
      intro:
        "{inviter} added you as an instructeur (case officer) of the procedure “{demarche}”. Its files are in your instructeur space.",
      action: "Sign in",
      account: "Sign in with your usual account ({email}).",
    },
  },
  message: {
    subject: "New message about your application no. {number} ({demarche})",
    body: "The administration wrote to you about your application no. {number} for the procedure “{demarche}”.",
    correctionSubject: "Correction requested on your application no. {number} ({demarche})",
    correctionBody:
      "The administration asks you to correct your application no. {number} for the procedure “{demarche}”. Read its message, change your application, then submit the changes.",
    linkLabel: "Read the message",
    noReply: "To answer, use the messages of your application: do not reply to this e-mail.",
  },
  dossier: {
    hello: "Hello,",
    signature: "The Guichet team",
    linkLabel: "View my file",
    followUp: "You can view your file and any messages from the administration at any time:",
    attestation: "Your attestation is available:",
    attestationLabel: "Download the attestation",
    logoAlt: "Logo of the procedure “{demarche}”",
    depose: {
      subject: "Your file no. {number} has been submitted ({demarche})",
      body: "Your file no. {number} has been submitted to the procedure “{demarche}”. The administration will now review it.",
      stillEditable: "Until it is under review, you can still modify it.",
    },
    modificationsDeposees: {
      subject: "The changes to your file no. {number} have been submitted ({demarche})",
      body: "The changes to your file no. {number}, submitted to the procedure “{demarche}”, have been sent to the administration. They replace your previous answers.",
      stillEditable: "Until it is under review, you can still modify it.",
    },
    passeEnInstruction: {
      subject: "Your file no. {number} is under review ({demarche})",
      body: "Your file no. {number} submitted to the procedure “{demarche}” is now being reviewed by the administration. It can no longer be modified.",
      messages: "You can still exchange with the administration through your file’s messages.",
    },
    accepte: {
      subject: "Your file no. {number} has been accepted ({demarche})",
      body: "We are pleased to inform you that your file no. {number}, submitted to the procedure “{demarche}”, has been accepted.",
      motivation: "Reason for the decision:",
    },
    refuse: {
      subject: "Your file no. {number} has been refused ({demarche})",
      body: "We inform you that your file no. {number}, submitted to the procedure “{demarche}”, has been refused.",
      motivation: "Reason for the refusal:",
    },
    classeSansSuite: {
      subject: "Your file no. {number} has been closed without further action ({demarche})",
      body: "We inform you that your file no. {number}, submitted to the procedure “{demarche}”, has been closed without further action.",
      motivation: "Reason:",
    },
    repasseEnInstruction: {
      subject: "Your file no. {number} is under review again ({demarche})",
      body: "The decision on your file no. {number}, submitted to the procedure “{demarche}”, has been withdrawn: your file is being reviewed by the administration again.",
      next: "You will receive a new message once a decision has been made.",
    },
    decisionDisponible: {
      subject: "A decision has been made on your file no. {number} ({demarche})",
      body: "A decision has been made on your file no. {number}, submitted to the procedure “{demarche}”.",
      acknowledge: "To read it, sign in and acknowledge receipt on your file’s page.",
    },
  },
  mailbox: {
    title: "Local mailbox",
    lead: "The e-mails Guichet would have sent. This page only exists in development: in production, e-mails go out through SMTP.",
    filterLabel: "Recipient",
    filterHint: "Exact e-mail address, for example camille@example.com",
    filter: "Filter",
    clearFilter: "See every e-mail",
    caption: "E-mails sent, most recent first",
    captionFiltered: "E-mails sent to {to}, most recent first",
    to: "Recipient",
    subject: "Subject",
    date: "Date",
    empty: "No e-mail.",
    limit: "Only the {count} most recent e-mails are shown.",
    back: "Back to the mailbox",
    recipientLine: "To: {to}",
    sentAt: "Sent on {date}",
    textVersion: "Text version",
    htmlVersion: "HTML version",
    htmlFrameTitle: "Preview of the HTML version of the e-mail “{subject}”",
    htmlSkipped: "The HTML version is not shown: it uses content that the page’s security policy forbids.",
  },
} satisfies Translation<typeof fr>;
