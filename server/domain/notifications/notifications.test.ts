import { describe, expect, it } from "vitest";
import { badgesOf, digestPeriod, NOTHING_SEEN, parisIsoWeek } from "./notifications";

const now = new Date("2026-12-07T10:00:00Z");
const followed = {
  state: "en_instruction",
  deposeAt: new Date("2026-12-01T10:00:00Z"),
  followedByMe: true,
  followedByAnyone: true,
  followedSince: null,
};
const event = (id: number, kind: string, payload: unknown = {}, createdAt = now) => ({ id, kind, payload, createdAt });

describe("badges", () => {
  it("orders the types by the reference's importance", () => {
    const events = [
      event(3, "avis.rendu"),
      event(2, "message.envoye"),
      event(1, "dossier.modifie", { stream: "main" }),
      event(4, "dossier.modifie", { stream: "private" }),
    ];
    expect(badgesOf(followed, events, NOTHING_SEEN, now)).toEqual([
      "dossier_modifie",
      "message",
      "annotation_instructeur",
      "avis_externe",
    ]);
  });

  it("clears each type once its tab has seen the event", () => {
    const events = [event(5, "message.envoye"), event(6, "dossier.modifie", { stream: "main" })];
    expect(badgesOf(followed, events, { ...NOTHING_SEEN, messagerie: 5 }, now)).toEqual(["dossier_modifie"]);
    expect(badgesOf(followed, events, { ...NOTHING_SEEN, demande: 6 }, now)).toEqual(["message"]);
  });

  it("shows follower-only types only to followers, and only what happened after they started following", () => {
    const events = [event(1, "message.envoye", {}, new Date("2026-12-02T00:00:00Z"))];
    expect(badgesOf({ ...followed, followedByMe: false }, events, NOTHING_SEEN, now)).toEqual([]);
    expect(badgesOf({ ...followed, followedSince: new Date("2026-12-03T00:00:00Z") }, events, NOTHING_SEEN, now)).toEqual([]);
  });

  it("marks a dossier en construction for 7 days that nobody follows as not taken in charge", () => {
    const waiting = {
      state: "en_construction",
      deposeAt: new Date("2026-11-30T09:00:00Z"),
      followedByMe: false,
      followedByAnyone: false,
      followedSince: null,
    };
    expect(badgesOf(waiting, [], NOTHING_SEEN, now)).toEqual(["dossier_depose"]);
    expect(badgesOf({ ...waiting, deposeAt: new Date("2026-12-01T09:00:00Z") }, [], NOTHING_SEEN, now)).toEqual([]);
    expect(badgesOf({ ...waiting, followedByAnyone: true }, [], NOTHING_SEEN, now)).toEqual([]);
  });
});

describe("digest periods", () => {
  it("keys a daily digest by Paris date on weekdays only, a weekly one by ISO week", () => {
    expect(digestPeriod("daily", new Date("2026-12-07T08:00:00Z"))).toBe("daily:2026-12-07");
    expect(digestPeriod("daily", new Date("2026-12-06T08:00:00Z"))).toBeNull();
    // 23:30 UTC on Sunday is already Monday in Paris.
    expect(digestPeriod("daily", new Date("2026-12-06T23:30:00Z"))).toBe("daily:2026-12-07");
    expect(digestPeriod("weekly", new Date("2026-12-07T03:05:00Z"))).toBe(
      `weekly:${parisIsoWeek(new Date("2026-12-07T03:05:00Z"))}`,
    );
    expect(parisIsoWeek(new Date("2026-12-07T12:00:00Z"))).toBe("2026-W50");
    expect(parisIsoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
  });
});
