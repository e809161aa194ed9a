import type { Tx } from "../../db/client.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { toGlobalId } from "../../shared/ids.js";
import type { Viewer } from "../../shared/viewer.js";
import { queueMailToEach, recipientsOf, usersWanting, type MailReader } from "../notifications/index.js";
import {
  AUTO_RENEWAL_NOTICE_MAIL,
  AUTO_RENEWAL_REFUSAL_WITHDRAWN_MAIL,
  AUTO_RENEWAL_REFUSED_MAIL,
  AUTO_RENEWED_MAIL,
} from "./auto-renewal.mails.js";

/** The agreement as an automatic renewal's mails name it. */
interface Renewing {
  id: string;
  number: string;
  customerId: string;
  sellerId: string | null;
}

const link = (portalUrl: string, a: Renewing) =>
  `${portalUrl}/agreements/${encodeURIComponent(toGlobalId("Agreement", a.id))}`;

/**
 * The customer's admins (those who keep renewal mails on, as for the reminders), each with their language. Each
 * caller holds the step's marker row, so a mail goes out once per end however many processes run.
 */
const customerReaders = async (tx: Tx, a: Renewing): Promise<MailReader[]> =>
  recipientsOf(tx, "RENEWAL_REMINDER", [a.customerId]);

/** Told in advance: the day it renews and the last day to say no; returns the addresses mailed. */
export async function mailAutoRenewalNotice(
  tx: Tx,
  a: Renewing,
  t: { closesOn: IsoDate; startsOn: IsoDate; endsOn: IsoDate },
  portalUrl: string,
) {
  return queueMailToEach(tx, AUTO_RENEWAL_NOTICE_MAIL, await customerReaders(tx, a), {
    number: a.number,
    ...t,
    lastDayToSayNo: addDaysIso(t.closesOn, -1),
    agreementUrl: link(portalUrl, a),
  });
}

/** Told when it renewed; returns the addresses mailed. */
export async function mailAutoRenewed(
  tx: Tx,
  a: Renewing,
  t: { closesOn: IsoDate; startsOn: IsoDate; endsOn: IsoDate },
  portalUrl: string,
) {
  return queueMailToEach(tx, AUTO_RENEWED_MAIL, await customerReaders(tx, a), {
    number: a.number,
    ...t,
    agreementUrl: link(portalUrl, a),
  });
}

/** A "no": the customer's admins and the seller both hear of it, whichever side said it. */
export async function mailAutoRenewalRefused(
  tx: Tx,
  a: Renewing & { endsOn: IsoDate },
  by: Viewer,
  reason: string | null,
  portalUrl: string,
): Promise<string[]> {
  const seller = await usersWanting(tx, "RENEWAL_REMINDER", a.sellerId ? [a.sellerId] : []);
  return queueMailToEach(tx, AUTO_RENEWAL_REFUSED_MAIL, [...(await customerReaders(tx, a)), ...seller], {
    number: a.number,
    by: by.name,
    endsOn: a.endsOn,
    reason,
    agreementUrl: link(portalUrl, a),
  });
}

/**
 * A "no" taken back: the other side hears of it — the seller when the customer took it back, the customer's admins
 * when the vendor did. The side that took it back knows.
 */
export async function mailAutoRenewalRefusalWithdrawn(
  tx: Tx,
  a: Renewing,
  by: Viewer,
  byCustomer: boolean,
  closesOn: IsoDate,
  portalUrl: string,
): Promise<string[]> {
  const readers = byCustomer
    ? await usersWanting(tx, "RENEWAL_REMINDER", a.sellerId ? [a.sellerId] : [])
    : await customerReaders(tx, a);
  return queueMailToEach(tx, AUTO_RENEWAL_REFUSAL_WITHDRAWN_MAIL, readers, {
    number: a.number,
    by: by.name,
    closesOn,
    agreementUrl: link(portalUrl, a),
  });
}
