/**
 * Rules shown on the sign-up form and checked on the server (ANSSI-style length over complexity).
 * Apart from `passwords.ts` so that the form schemas can read them without loading the argon2
 * binding (a page's bundle may reach the schemas through the job registry).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
