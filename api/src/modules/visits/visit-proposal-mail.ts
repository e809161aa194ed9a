import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { Viewer } from "../../shared/viewer.js";
import { queueMail, type MailReader } from "../notifications/index.js";
import { visitLocation } from "./visit-location.js";
import { OTHER_TIMES_ASKED_MAIL, VISIT_TIMES_MAIL } from "./visit.mails.js";
import type { VisitTimeProposalRow } from "./visit-proposal.service.js";

interface AgreementRef {
  number: string;
}

/**
 * The proposed times to one customer admin (or new times for the visit booked at `bookedAt`), with that admin's own
 * answer link, in the admin's language.
 */
export async function mailVisitTimes(
  tx: Tx,
  proposal: VisitTimeProposalRow,
  agreement: AgreementRef,
  admin: MailReader & { name: string },
  answer: { link: string; expiresAt: Date; bookedAt: Date | null },
): Promise<void> {
  await queueMail(tx, VISIT_TIMES_MAIL, admin, {
    name: admin.name,
    number: agreement.number,
    location: await visitLocation(tx, proposal.propertyId),
    times: proposal.times,
    note: proposal.note,
    ...answer,
  });
}

/** The customer asked for other times: who proposed hears it, with the customer's words. */
export async function mailOtherTimesAsked(
  tx: Tx,
  proposal: VisitTimeProposalRow,
  agreement: AgreementRef,
  viewer: Viewer,
  note: string,
): Promise<void> {
  if (!proposal.proposedById) return;
  const [proposer] = await tx.select().from(users).where(eq(users.id, proposal.proposedById));
  if (!proposer || proposer.deactivatedAt) return;
  await queueMail(tx, OTHER_TIMES_ASKED_MAIL, proposer, {
    name: proposer.name,
    number: agreement.number,
    customer: viewer.name,
    note,
  });
}
