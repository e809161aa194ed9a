import { createParameterDecorator } from "type-graphql";
import type { Context } from "../context.js";
import { todayInSweden, type IsoDate } from "./dates.js";

/** How long before its end an agreement counts as expiring, unless `AGREEMENT_EXPIRING_WINDOW_DAYS` says otherwise. */
export const DEFAULT_EXPIRING_WINDOW_DAYS = 60;

/**
 * "Today" and the expiring window, passed to every date rule so that rules are testable on any
 * date. A request reads it once, so every field of one answer agrees on what "today" is even when
 * the request runs across midnight.
 */
export interface Clock {
  today: IsoDate;
  windowDays: number;
}

export function clockAt(today: IsoDate = todayInSweden(), windowDays: number = DEFAULT_EXPIRING_WINDOW_DAYS): Clock {
  return { today, windowDays };
}

/**
 * Parameter decorator: the request's clock (`@Clock() clock: Clock`), read once in the context.
 * Declared as a function beside the interface so one import gives both.
 */
export function Clock() {
  return createParameterDecorator<Context>(({ context }) => context.clock);
}
