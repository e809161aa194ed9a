import { addDaysIso, addMonthsIso, type IsoDate } from "../../shared/dates.js";

/**
 * The day an automatic renewal's notice period closes: the notice in months before the new period would start
 * (an agreement ending 30 June with three months' notice closes on 1 April). A "no" must come before this
 * Swedish calendar day; on it the job renews.
 */
export function noticeClosesOn(endsOn: IsoDate, noticeMonths: number): IsoDate {
  return addMonthsIso(addDaysIso(endsOn, 1), -noticeMonths);
}

/** Whether a "no" to the renewal at this end still counts today. */
export function mayStillRefuse(today: IsoDate, endsOn: IsoDate, noticeMonths: number): boolean {
  return today < noticeClosesOn(endsOn, noticeMonths);
}

/** How many days before the notice closes the customer's admins are told, unless the setting says otherwise. */
export const DEFAULT_AUTO_RENEWAL_NOTICE_MAIL_DAYS = 30;
