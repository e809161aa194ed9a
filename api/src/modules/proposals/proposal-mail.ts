import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { queueEmail } from "../notifications/index.js";
import type { ProposalRow } from "./proposal.service.js";
import { PROPOSAL_WATCHERS } from "./proposal.roles.js";

async function watchersOf(db: DbOrTx, p: ProposalRow): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        inArray(users.organisationId, [p.partnerId, p.customerId]),
        inArray(users.role, [...PROPOSAL_WATCHERS]),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(users.email);
  return rows.map((r) => r.email);
}

export type ProposalStep =
  | { kind: "PROPOSED" }
  | { kind: "ACTIVATED"; agreementNumber: string; startsOn: string; endsOn: string }
  | { kind: "DECLINED"; reason: string };

/** One mail per recipient for a step of the proposal, queued in the step's own transaction. */
export async function mailProposalStep(
  db: DbOrTx,
  p: ProposalRow,
  names: { customerName: string; partnerName: string },
  step: ProposalStep,
) {
  const about = `Avtalsförslag för ${names.customerName} från ${names.partnerName}`;
  let subject: string;
  let lines: string[];
  if (step.kind === "PROPOSED") {
    subject = `${about}: inskickat`;
    lines = [
      `${names.partnerName} har föreslagit ett supportavtal (${p.tier}) för ${names.customerName}, önskad start ${p.wishedStartOn}.`,
      "Säljaren hos leverantören går igenom förslaget och återkommer.",
    ];
  } else if (step.kind === "ACTIVATED") {
    subject = `${about}: avtal ${step.agreementNumber} är aktivt`;
    lines = [
      `Förslaget är godkänt. Avtal ${step.agreementNumber} gäller ${step.startsOn} – ${step.endsOn}.`,
      "Du ser avtalet i portalen.",
    ];
  } else {
    subject = `${about}: avböjt`;
    lines = ["Förslaget har avböjts.", `Skäl: ${step.reason}`];
  }
  // The vendor's side finds a new proposal in the worklist; the mails are for those outside it.
  for (const address of await watchersOf(db, p)) await queueEmail(db, { to: address, subject, body: lines.join("\n") });
}
