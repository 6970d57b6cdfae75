/** The demo identities of the local FranceConnect stand-in (franceconnect-provider.ts). */
export interface DemoIdentity {
  sub: string;
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: "male" | "female";
  /** FranceConnect always gives one; the last identity has none, to try the error page. */
  email?: string;
}

/** The demo identities of the login page (FranceConnect's own test identity first). */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    sub: "demo-angela-dubois",
    given_name: "Angela Claire Louise",
    family_name: "DUBOIS",
    birthdate: "1962-08-24",
    gender: "female",
    email: "angela.dubois@exemple.fr",
  },
  {
    sub: "demo-pierre-mercier",
    given_name: "Pierre",
    family_name: "MERCIER",
    birthdate: "1990-01-15",
    gender: "male",
    email: "pierre.mercier@exemple.fr",
  },
  {
    // Same e-mail as the demo usager's account: signing in links the identity once the account is proven.
    sub: "demo-usager-existant",
    given_name: "Camille",
    family_name: "MARTIN",
    birthdate: "1985-05-03",
    gender: "female",
    email: "usager@exemple.fr",
  },
  { sub: "demo-sans-email", given_name: "Jean", family_name: "SANSADRESSE", birthdate: "1970-12-01", gender: "male" },
];
