/** Names of the /preremplir page's GET form (shared by the page and its loader). */

/** Value of the `champ` checkbox that includes the demandeur's identity in the examples. */
export const IDENTITY_KEY = "identite";
