import type { Tx } from "../../db/client.js";
import { addDaysIso, type IsoDate } from "../../shared/dates.js";
import { toGlobalId } from "../../shared/ids.js";
import type { Viewer } from "../../shared/viewer.js";
import { queueEmail, recipientsOf, usersWanting } from "../notifications/index.js";

/** The agreement as an automatic renewal's mails name it. */
interface Renewing {
  id: string;
  number: string;
  customerId: string;
  sellerId: string | null;
}

const link = (portalUrl: string, a: Renewing) =>
  `${portalUrl}/agreements/${encodeURIComponent(toGlobalId("Agreement", a.id))}`;
const signOff = "\nVänliga hälsningar\nTrygg\n";

/**
 * The customer's admins (those who keep renewal mails on, as for the reminders); returns the addresses mailed.
 * Each caller holds the step's marker row, so a mail goes out once per end however many processes run.
 */
async function mailCustomer(tx: Tx, a: Renewing, subject: string, body: string): Promise<string[]> {
  const to = [...new Set((await recipientsOf(tx, "RENEWAL_REMINDER", [a.customerId])).map((p) => p.email))];
  for (const address of to) await queueEmail(tx, { to: address, subject, body });
  return to;
}

/** Told in advance: the day it renews and the last day to say no. */
export function mailAutoRenewalNotice(
  tx: Tx,
  a: Renewing,
  t: { closesOn: IsoDate; startsOn: IsoDate; endsOn: IsoDate },
  portalUrl: string,
) {
  return mailCustomer(
    tx,
    a,
    `Avtal ${a.number} förnyas automatiskt ${t.closesOn}`,
    `Hej!\n\nAvtal ${a.number} förnyas automatiskt ${t.closesOn} med en ny period ${t.startsOn}–${t.endsOn}. ` +
      `Vill ni inte förnya avtalet säger ni upp det i Trygg senast ${addDaysIso(t.closesOn, -1)}; ` +
      `därefter har uppsägningstiden gått ut.\n\nAvtalet i Trygg: ${link(portalUrl, a)}\n${signOff}`,
  );
}

/** Told when it renewed. */
export function mailAutoRenewed(
  tx: Tx,
  a: Renewing,
  t: { closesOn: IsoDate; startsOn: IsoDate; endsOn: IsoDate },
  portalUrl: string,
) {
  return mailCustomer(
    tx,
    a,
    `Avtal ${a.number} är förnyat automatiskt`,
    `Hej!\n\nUppsägningstiden för avtal ${a.number} gick ut ${t.closesOn} utan att avtalet sades upp, så det är ` +
      `förnyat med en ny period ${t.startsOn}–${t.endsOn}. Hyrda licenser följer med till samma pris.\n\n` +
      `Avtalet i Trygg: ${link(portalUrl, a)}\n${signOff}`,
  );
}

/** A "no": the customer's admins and the seller both hear of it, whichever side said it. */
export async function mailAutoRenewalRefused(
  tx: Tx,
  a: Renewing & { endsOn: IsoDate },
  by: Viewer,
  reason: string | null,
  portalUrl: string,
): Promise<string[]> {
  const subject = `Avtal ${a.number} förnyas inte automatiskt`;
  const body =
    `Hej!\n\n${by.name} har sagt upp avtal ${a.number}: det förnyas inte automatiskt och upphör ${a.endsOn}.` +
    `${reason ? `\nSkäl: ${reason}` : ""}\n\nAvtalet i Trygg: ${link(portalUrl, a)}\n${signOff}`;
  const customer = await mailCustomer(tx, a, subject, body);
  const seller = await usersWanting(tx, "RENEWAL_REMINDER", a.sellerId ? [a.sellerId] : []);
  const sellerTo = seller.map((p) => p.email).filter((e) => !customer.includes(e));
  for (const to of sellerTo) await queueEmail(tx, { to, subject, body });
  return [...customer, ...sellerTo];
}
