import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { Viewer } from "../../shared/viewer.js";
import { queueEmail } from "../notifications/index.js";
import { when } from "./visit-booking-mail.js";
import { visitLocation } from "./visit-location.js";
import type { VisitTimeProposalRow } from "./visit-proposal.service.js";

interface AgreementRef {
  number: string;
}

/** The proposed times to one customer admin, with that admin's own answer link. */
export async function mailVisitTimes(
  tx: Tx,
  proposal: VisitTimeProposalRow,
  agreement: AgreementRef,
  admin: { email: string; name: string },
  link: string,
  expiresAt: Date,
): Promise<void> {
  const location = await visitLocation(tx, proposal.propertyId);
  const times = proposal.times.map((t) => `- ${when(t)}`).join("\n");
  await queueEmail(tx, {
    to: admin.email,
    subject: `Välj tid för supportbesök (${agreement.number})`,
    body:
      `Hej ${admin.name}!\n\nVi föreslår ${proposal.times.length === 1 ? "den här tiden" : "de här tiderna"} för det årliga ` +
      `supportbesöket på ${location} (avtal ${agreement.number}):\n\n${times}\n\n` +
      (proposal.note ? `${proposal.note}\n\n` : "") +
      `Välj en tid, eller be om andra tider, här (länken gäller till ${when(expiresAt)} och kan användas en gång):\n${link}\n\n` +
      `Du kan också svara i Trygg-portalen under Besök.\n\nVänliga hälsningar\nTrygg\n`,
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
  await queueEmail(tx, {
    to: proposer.email,
    subject: `Kunden ber om andra tider för supportbesök (${agreement.number})`,
    body:
      `Hej ${proposer.name}!\n\n${viewer.name} passar inte de föreslagna tiderna för supportbesöket (avtal ${agreement.number})` +
      `${note ? ` och skriver:\n\n${note}` : "."}\n\nFöreslå nya tider i Trygg-portalen under Besök.\n\nVänliga hälsningar\nTrygg\n`,
  });
}
