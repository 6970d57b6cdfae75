/**
 * Rate limits of the account pages. Per e-mail limits stop guessing one account's password or
 * flooding one mailbox; per IP limits stop one client from trying many accounts.
 */
import { rateLimitKey, type RateLimitRule } from "../../security/rate-limit";

const MINUTE = 60;
const HOUR = 3600;

export function signInRules(email: string, ip: string): RateLimitRule[] {
  return [
    { key: rateLimitKey("sign_in", "email", email), limit: 10, windowSeconds: 15 * MINUTE },
    { key: rateLimitKey("sign_in", "ip", ip), limit: 50, windowSeconds: 15 * MINUTE },
  ];
}

/** Every form that sends a mail to an address typed by the visitor (reset, resend, sign-up). */
export function mailRequestRules(
  action: "password_reset" | "confirmation" | "sign_up",
  email: string,
  ip: string,
): RateLimitRule[] {
  return [
    { key: rateLimitKey(action, "email", email), limit: 5, windowSeconds: HOUR },
    // Sign-up is often done for others from one place (help desks, France Services): a wider IP budget.
    { key: rateLimitKey(action, "ip", ip), limit: action === "sign_up" ? 50 : 20, windowSeconds: HOUR },
  ];
}
