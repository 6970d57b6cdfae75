import { describe, expect, it } from "vitest";
import { type KeyState, exactOption, filterOptions, keyAction, searchable } from "./combobox-state";

const villes = ["Toulon", "Toulouse", "Tours", "Saint-Étienne", "Amiens"].map((label) => ({ value: label, label }));

describe("filterOptions", () => {
  it("lists every option while the box is empty or shows the current choice", () => {
    expect(filterOptions(villes, "", "", 200).listed).toHaveLength(5);
    expect(filterOptions(villes, "Tours", "Tours", 200).listed).toHaveLength(5);
  });

  it("keeps the options containing what is typed, accents and case aside", () => {
    expect(filterOptions(villes, "tou", "", 200).listed.map((o) => o.label)).toEqual(["Toulon", "Toulouse", "Tours"]);
    expect(filterOptions(villes, "ETIENNE", "", 200).listed.map((o) => o.label)).toEqual(["Saint-Étienne"]);
    expect(filterOptions(villes, "Quimper", "", 200).matches).toEqual([]);
  });

  it("lists at most maxListed options but counts every match", () => {
    const result = filterOptions(villes, "", "", 2);
    expect(result.listed).toHaveLength(2);
    expect(result.matches).toHaveLength(5);
  });

  it("finds the option whose label was typed exactly", () => {
    expect(exactOption(villes, " saint-etienne ")?.value).toBe("Saint-Étienne");
    expect(exactOption(villes, "toul")).toBeUndefined();
    expect(exactOption(villes, "")).toBeUndefined();
    expect(searchable(" Élan ")).toBe("elan");
  });
});

const remote = (state: Partial<KeyState>): KeyState => ({
  open: true,
  active: -1,
  count: 3,
  selectedIndex: -1,
  hasText: true,
  wrap: true,
  ...state,
});
const local = (state: Partial<KeyState>): KeyState => remote({ wrap: false, ...state });

describe("keyAction: remote suggestions", () => {
  it("wraps around the list with the arrows", () => {
    expect(keyAction("ArrowDown", false, remote({}))).toEqual({ type: "move", active: 0 });
    expect(keyAction("ArrowUp", false, remote({}))).toEqual({ type: "move", active: 2 });
    expect(keyAction("ArrowDown", false, remote({ active: 2 }))).toEqual({ type: "move", active: 0 });
    expect(keyAction("ArrowUp", false, remote({ active: 0 }))).toEqual({ type: "move", active: 2 });
  });

  it("leaves the arrows to the browser without suggestions", () => {
    expect(keyAction("ArrowDown", false, remote({ count: 0, open: false }))).toEqual({ type: "none" });
  });
});

describe("keyAction: a local list", () => {
  it("opens at the current choice, then stops at the ends", () => {
    expect(keyAction("ArrowDown", false, local({ open: false, selectedIndex: 1 }))).toEqual({ type: "move", active: 1 });
    expect(keyAction("ArrowDown", false, local({ open: false }))).toEqual({ type: "move", active: 0 });
    expect(keyAction("ArrowDown", true, local({ active: 2, selectedIndex: 1 }))).toEqual({ type: "move", active: 1 });
    expect(keyAction("ArrowDown", false, local({ active: 2 }))).toEqual({ type: "move", active: 2 });
    expect(keyAction("ArrowUp", false, local({ active: 0 }))).toEqual({ type: "move", active: 0 });
    expect(keyAction("ArrowUp", false, local({ open: false }))).toEqual({ type: "ignore" });
  });
});

describe("keyAction: Enter and Escape, both sources", () => {
  for (const state of [remote, local]) {
    it(`Enter chooses the active option, else submits (wrap: ${state({}).wrap})`, () => {
      expect(keyAction("Enter", false, state({ active: 1 }))).toEqual({ type: "choose", index: 1 });
      expect(keyAction("Enter", false, state({ active: -1 }))).toEqual({ type: "none" });
      expect(keyAction("Enter", false, state({ open: false, active: 1 }))).toEqual({ type: "none" });
    });

    it(`Escape closes, then clears, then does nothing (wrap: ${state({}).wrap})`, () => {
      expect(keyAction("Escape", false, state({}))).toEqual({ type: "close" });
      expect(keyAction("Escape", false, state({ open: false }))).toEqual({ type: "clear" });
      expect(keyAction("Escape", false, state({ open: false, hasText: false }))).toEqual({ type: "none" });
      expect(keyAction("Tab", false, state({}))).toEqual({ type: "none" });
    });
  }
});
