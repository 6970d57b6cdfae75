import type { Translation } from "../../types";
import type fr from "../fr/common";

export default {
  appName: "Guichet",
  tagline: "Online procedures of public administrations",
  homeTitle: "Home — Guichet",
  save: "Save",
  cancel: "Cancel",
  backHome: "Back to the home page",
  skipLinks: "Quick access",
  skipToContent: "Content",
  required: "Required field",
  requiredHint: "Fields marked with an asterisk (*) are required.",
  errorSummaryTitle: "The form contains errors",
  yes: "Yes",
  no: "No",
  flash: {
    france_connect_linked: "Your FranceConnect identity is linked to your account. You are signed in.",
    email_confirmed: "Your e-mail address is confirmed. You are signed in.",
  },
  nav: {
    mesDossiers: "My files",
    instructeur: "Case officer",
    administrateur: "Administrator",
    expert: "Expert",
    signIn: "Sign in",
    signUp: "Create an account",
    signOut: "Sign out",
    otherLanguage: "Français",
    menu: "Menu",
    closeMenu: "Close",
    mailbox: "Local mailbox",
    spaces: "Your spaces",
  },
  footer: {
    description: "Guichet lets public administrations put their procedures online and process them.",
    accessibility: "Accessibility",
    mentions: "Legal notice",
    donnees: "Personal data",
    cgu: "Terms of use",
    contact: "Help and contact",
  },
  home: {
    title: "Carry out your procedures online",
    lead: "File an application with an administration, follow its processing and talk with officers, without paper.",
    usagerTitle: "You are a citizen or a company",
    usagerBody: "Open the link of the procedure given by the administration, or find your files.",
    agentTitle: "You are a public agent",
    agentBody: "Build your procedures without technical skills, publish them and process the files you receive.",
  },
  accessibility: {
    title: "Accessibility",
    body: "Guichet aims at RGAA 4.1 (WCAG 2.1 level AA) compliance. Every page visited by the automated tests is checked with axe. Report any difficulty to the administration that publishes the procedure.",
  },
  errors: {
    notFound: {
      title: "Page not found",
      body: "This page does not exist, or you may not see it. Check the address or sign in with the right account.",
    },
    forbidden: { title: "Access denied", body: "You are not allowed to do this." },
    csrf: {
      title: "Form expired",
      body: "The form could not be verified (it may have been opened from another site or too long ago). Nothing was changed: go back, reload the page and try again.",
    },
    tooLarge: { title: "Upload too large", body: "The data sent exceeds the allowed size. Nothing was saved." },
    tooManyRequests: {
      title: "Too many attempts",
      body: "You made too many attempts in a short time. Wait a few minutes before trying again.",
    },
    badRequest: { title: "Invalid request", body: "The request is not valid. Nothing was changed." },
    server: { title: "Unexpected error", body: "Something went wrong on our side. Nothing was lost: try again in a moment." },
  },
} satisfies Translation<typeof fr>;
