import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type AutosaveStatus, createAutosaver, formatSavedTime } from "./autosave";

/** A save whose outcome the test decides, one call at a time. */
function controlledSave() {
  const calls: Array<(ok: boolean) => void> = [];
  const save = vi.fn(() => new Promise<boolean>((resolve) => calls.push(resolve)));
  return {
    save,
    resolveNext(ok: boolean) {
      const next = calls.shift();
      if (!next) throw new Error("no save running");
      next(ok);
    },
  };
}

async function settle() {
  // Let the save promise's continuation run.
  await Promise.resolve();
  await Promise.resolve();
}

describe("createAutosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("debounces changes: one save 1 s after the last change", async () => {
    const save = vi.fn(async () => true);
    const statuses: AutosaveStatus[] = [];
    const saver = createAutosaver({ save, onStatus: (s) => statuses.push(s), now: () => new Date(2026, 0, 1, 14, 32) });
    saver.changed();
    vi.advanceTimersByTime(900);
    saver.changed();
    vi.advanceTimersByTime(900);
    expect(save).not.toHaveBeenCalled();
    expect(saver.hasUnsavedChanges()).toBe(true);
    vi.advanceTimersByTime(100);
    expect(save).toHaveBeenCalledTimes(1);
    await settle();
    expect(saver.hasUnsavedChanges()).toBe(false);
    expect(statuses.map((s) => s.state)).toEqual(["pending", "pending", "saving", "saved"]);
    expect(statuses.at(-1)).toEqual({ state: "saved", at: new Date(2026, 0, 1, 14, 32) });
  });

  it("runs one save at a time and saves again for changes made during a save", async () => {
    const { save, resolveNext } = controlledSave();
    const saver = createAutosaver({ save });
    saver.changed();
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
    saver.changed();
    vi.advanceTimersByTime(1000); // fires while the first save is still running
    expect(save).toHaveBeenCalledTimes(1);
    resolveNext(true);
    await settle();
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.hasUnsavedChanges()).toBe(true);
    resolveNext(true);
    await settle();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("retries a failed save with growing delays, then succeeds", async () => {
    const { save, resolveNext } = controlledSave();
    const statuses: AutosaveStatus[] = [];
    const saver = createAutosaver({ save, onStatus: (s) => statuses.push(s), retryDelaysMs: [2000, 5000] });
    saver.changed();
    vi.advanceTimersByTime(1000);
    resolveNext(false);
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "failed", retryInMs: 2000, attempt: 1 });
    vi.advanceTimersByTime(1999);
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(2);
    resolveNext(false);
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "failed", retryInMs: 5000, attempt: 2 });
    vi.advanceTimersByTime(5000);
    resolveNext(false);
    await settle();
    // The last delay repeats.
    expect(statuses.at(-1)).toEqual({ state: "failed", retryInMs: 5000, attempt: 3 });
    expect(saver.hasUnsavedChanges()).toBe(true);
    vi.advanceTimersByTime(5000);
    resolveNext(true);
    await settle();
    expect(statuses.at(-1)?.state).toBe("saved");
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it("treats a rejected save as a failure", async () => {
    const save = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const statuses: AutosaveStatus[] = [];
    const saver = createAutosaver({ save, onStatus: (s) => statuses.push(s) });
    saver.changed();
    vi.advanceTimersByTime(1000);
    await settle();
    expect(statuses.at(-1)).toMatchObject({ state: "failed", attempt: 1 });
    saver.dispose();
  });

  it("a change during the retry wait is saved after the normal debounce", async () => {
    const { save, resolveNext } = controlledSave();
    const saver = createAutosaver({ save, retryDelaysMs: [30_000] });
    saver.changed();
    vi.advanceTimersByTime(1000);
    resolveNext(false);
    await settle();
    saver.changed();
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it("cancel drops the scheduled save and leaves nothing unsaved (the form is being submitted)", async () => {
    const save = vi.fn(async () => true);
    const saver = createAutosaver({ save });
    saver.changed();
    saver.cancel();
    expect(saver.hasUnsavedChanges()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(save).not.toHaveBeenCalled();
  });

  it("does nothing after dispose", async () => {
    const save = vi.fn(async () => true);
    const saver = createAutosaver({ save });
    saver.changed();
    saver.dispose();
    vi.advanceTimersByTime(5000);
    saver.changed();
    vi.advanceTimersByTime(5000);
    expect(save).not.toHaveBeenCalled();
  });
});

describe("formatSavedTime", () => {
  it("writes French times as « 14 h 32 » and English ones as 14:32", () => {
    expect(formatSavedTime(new Date(2026, 0, 1, 14, 32), "fr")).toBe("14 h 32");
    expect(formatSavedTime(new Date(2026, 0, 1, 9, 5), "fr")).toBe("9 h 05");
    expect(formatSavedTime(new Date(2026, 0, 1, 9, 5), "en")).toBe("09:05");
  });
});
