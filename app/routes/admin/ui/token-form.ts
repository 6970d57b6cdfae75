/** The « Nouveau jeton » form, shared by its page and its server reader. */
export interface TokenFormValues {
  name: string;
  scope: "all" | "some";
  demarches: string[];
  access: "read" | "write";
  expiry: "none" | "date";
  expiresOn: string;
  networks: string;
}

/** field of the operation → id of the page's input (error summary links). */
export const TOKEN_FIELD_IDS: Record<string, string> = {
  name: "token-name",
  demarcheNumbers: "token-scope-all",
  expiresAt: "token-expires-on",
  networks: "token-networks",
  form: "token-name",
};
