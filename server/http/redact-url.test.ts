import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url";

describe("redactUrl", () => {
  it.each([
    ["/users/confirmation?token=abc123", "/users/confirmation?token=[redacted]"],
    [
      "/users/password/edit?token=s3cret&redirect_to=%2Fdossiers",
      "/users/password/edit?token=[redacted]&redirect_to=%2Fdossiers",
    ],
    ["/commencer/test?prefill_token=p1", "/commencer/test?prefill_token=[redacted]"],
    [
      "/france_connect/particulier/callback?code=c0de&state=st4te&iss=http%3A%2F%2Fx",
      "/france_connect/particulier/callback?code=[redacted]&state=[redacted]&iss=http%3A%2F%2Fx",
    ],
    [
      "/france_connect/particulier/merge/AbCdEf123?redirect_to=%2Fx",
      "/france_connect/particulier/merge/[redacted]?redirect_to=%2Fx",
    ],
    [
      "/france_connect/particulier/merge_with_existing_account?email_merge_token=t0k",
      "/france_connect/particulier/merge_with_existing_account?email_merge_token=[redacted]",
    ],
    [
      "/api/public/v1/demarches/1/dossiers?prefill_token%5B%5D=a&prefill_token[]=b",
      "/api/public/v1/demarches/1/dossiers?prefill_token%5B%5D=[redacted]&prefill_token[]=[redacted]",
    ],
    ["/pieces-jointes/12?expires=1700000000&signature=deadbeef", "/pieces-jointes/12?expires=1700000000&signature=[redacted]"],
    ["https://guichet.example/users/invitation?TOKEN=x", "https://guichet.example/users/invitation?TOKEN=[redacted]"],
    ["/users/confirmation?tok%65n=abc", "/users/confirmation?tok%65n=[redacted]"],
    ["/users/confirmation?token", "/users/confirmation?token=[redacted]"],
  ])("%s → %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it("keeps URLs without secrets unchanged, malformed escapes included", () => {
    for (const url of ["/", "/procedures/1/dossiers?statut=a-suivre&cursor=x", "/mailbox?to=%E0%A4%A", "/a?"]) {
      expect(redactUrl(url)).toBe(url);
    }
  });
});
