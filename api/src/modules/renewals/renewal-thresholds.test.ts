import { describe, expect, it } from "vitest";
import { dueThreshold, reminderToSend, weekOf } from "./renewal-thresholds.js";

const T = [90, 60, 30];

describe("which renewal reminder is due", () => {
  it("is the nearest threshold reached: 90 from 90 days, 60 from 60, 30 from 30 to the last day, none after", () => {
    expect([120, 91, 90, 61, 60, 31, 30, 1, 0, -1].map((d) => dueThreshold(d, T))).toEqual([
      null,
      null,
      90,
      90,
      60,
      60,
      30,
      30,
      30,
      null,
    ]);
  });

  it("catches up with only the nearest one: 25 days left and nothing sent gives the 30-day reminder, not 90 or 60", () => {
    expect(reminderToSend(25, T, null)).toBe(30);
    expect(reminderToSend(55, T, null)).toBe(60);
  });

  it("sends each threshold once and never a further one after a nearer one", () => {
    expect(reminderToSend(75, T, 90)).toBeNull();
    expect(reminderToSend(59, T, 90)).toBe(60);
    expect(reminderToSend(59, T, 60)).toBeNull();
    expect(reminderToSend(85, T, 30)).toBeNull();
  });

  it("puts every day of a week on its Monday", () => {
    expect(["2027-03-01", "2027-03-03", "2027-03-07", "2027-03-08"].map(weekOf)).toEqual([
      "2027-03-01",
      "2027-03-01",
      "2027-03-01",
      "2027-03-08",
    ]);
  });
});
