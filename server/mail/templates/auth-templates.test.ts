import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATES } from "../templates";

const ctx = (locale: "fr" | "en") => ({ locale, appUrl: "https://guichet.example.gouv.fr/sous-dossier" });
const token = "AbC-dEf_123456789012345678901234567890123";

describe("account mail templates", () => {
  it("confirm_email: absolute single link with the token and the redirect", () => {
    const params = MAIL_TEMPLATES.confirm_email.params.parse({ email: "a@exemple.fr", token, redirectTo: "/commencer/x" });
    const mail = MAIL_TEMPLATES.confirm_email.render(params, ctx("fr"));
    expect(mail.subject).toBe("Confirmez votre adresse électronique");
    expect(mail.text).toContain(
      `https://guichet.example.gouv.fr/sous-dossier/users/confirmation?token=${token}&redirect_to=%2Fcommencer%2Fx`,
    );
    expect(mail.text).toContain("24 heures");
    expect(mail.html).toContain("&amp;redirect_to=%2Fcommencer%2Fx");
  });

  it("confirm_email drops an unsafe redirect", () => {
    const params = MAIL_TEMPLATES.confirm_email.params.parse({
      email: "a@exemple.fr",
      token,
      redirectTo: "https://evil.example",
    });
    expect(MAIL_TEMPLATES.confirm_email.render(params, ctx("fr")).text).not.toContain("evil");
  });

  it("france_connect_merge: the merge link with its token, in both languages", () => {
    const fr = MAIL_TEMPLATES.france_connect_merge.render({ email: "a@exemple.fr", token }, ctx("fr"));
    expect(fr.subject).toBe("Liez votre compte à FranceConnect");
    expect(fr.text).toContain(
      `https://guichet.example.gouv.fr/sous-dossier/france_connect/particulier/merge_with_existing_account?email_merge_token=${token}`,
    );
    expect(fr.text).toContain("une heure");
    expect(MAIL_TEMPLATES.france_connect_merge.render({ email: "a@exemple.fr", token }, ctx("en")).subject).toBe(
      "Link your account to FranceConnect",
    );
  });

  it("reset_password, in English", () => {
    const mail = MAIL_TEMPLATES.reset_password.render({ email: "a@exemple.fr", token }, ctx("en"));
    expect(mail.subject).toBe("Choose a new password");
    expect(mail.text).toContain(`https://guichet.example.gouv.fr/sous-dossier/users/password/edit?token=${token}`);
    expect(mail.text).toContain("1 hour");
    const back = MAIL_TEMPLATES.reset_password.params.parse({ email: "a@exemple.fr", token, redirectTo: "/commencer/x" });
    expect(MAIL_TEMPLATES.reset_password.render(back, ctx("fr")).text).toContain(`token=${token}&redirect_to=%2Fcommencer%2Fx`);
  });

  it("account_exists: sign-in and forgotten-password links, no token", () => {
    const params = MAIL_TEMPLATES.account_exists.params.parse({ email: "a@exemple.fr" });
    const mail = MAIL_TEMPLATES.account_exists.render(params, ctx("fr"));
    expect(mail.text).toContain("https://guichet.example.gouv.fr/sous-dossier/users/sign_in");
    expect(mail.text).toContain("https://guichet.example.gouv.fr/sous-dossier/users/password/new");
    expect(mail.text).not.toContain("token=");
  });

  it("invitation: escapes the démarche title in HTML and keeps the subject on one line", () => {
    const mail = MAIL_TEMPLATES.invitation.render(
      { email: "agent@exemple.fr", token, invitedByEmail: "admin@exemple.fr", demarcheLibelle: "Aides <b>\r\nBcc: x@y" },
      ctx("fr"),
    );
    expect(mail.subject).toBe("Invitation à instruire la démarche « Aides <b> Bcc: x@y »");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain("Aides &lt;b&gt;");
    expect(mail.html).not.toContain("<b>");
    expect(mail.text).toContain(`/users/invitation?token=${token}`);
  });

  it("instructeur_added: a sign-in link to the instructeur space", () => {
    const mail = MAIL_TEMPLATES.instructeur_added.render(
      { email: "agent@exemple.fr", invitedByEmail: "admin@exemple.fr", demarcheLibelle: "Aides" },
      ctx("en"),
    );
    expect(mail.subject).toBe("You are now an instructeur of the procedure “Aides”");
    expect(mail.text).toContain("https://guichet.example.gouv.fr/sous-dossier/users/sign_in?redirect_to=%2Fprocedures");
  });
});
