import { daysBetween, type IsoDate } from "../../shared/dates.js";

export interface SizeReading {
  visitId: string;
  visitedOn: IsoDate;
  sizeMb: number;
}

export interface SizeTrend {
  readings: SizeReading[];
  current: SizeReading | null;
  previous: SizeReading | null;
  changeMb: number | null;
  changePercent: number | null;
  /** Least-squares growth over all readings, in MB a year; null with fewer than two readings. */
  growthMbPerYear: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * "Kontroll av hur databasens storlek har förändrats": the reading of this visit against the one
 * before it, and the growth over every visit so far. Readings of later visits are not counted, so
 * an old protocol reads the same as on the day it was written.
 */
export function databaseSizeTrend(all: SizeReading[], visitId: string | null): SizeTrend {
  const sorted = [...all].sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : 0));
  const upTo = visitId ? sorted.findIndex((r) => r.visitId === visitId) : sorted.length - 1;
  const readings = upTo < 0 ? sorted : sorted.slice(0, upTo + 1);
  const current = upTo < 0 ? null : (readings.at(-1) ?? null);
  const previous = current ? (readings.at(-2) ?? null) : null;
  const changeMb = current && previous ? round1(current.sizeMb - previous.sizeMb) : null;
  const changePercent =
    current && previous && previous.sizeMb > 0
      ? round1((100 * (current.sizeMb - previous.sizeMb)) / previous.sizeMb)
      : null;
  return { readings, current, previous, changeMb, changePercent, growthMbPerYear: growthPerYear(readings) };
}

function growthPerYear(readings: SizeReading[]): number | null {
  if (readings.length < 2) return null;
  const first = readings[0]!.visitedOn;
  const xs = readings.map((r) => daysBetween(first, r.visitedOn) / 365.25);
  const ys = readings.map((r) => r.sizeMb);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  return round1(sxy / sxx);
}
