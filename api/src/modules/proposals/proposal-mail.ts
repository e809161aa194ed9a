import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { queueMailToEach } from "../notifications/index.js";
import type { ProposalRow } from "./proposal.service.js";
import { PROPOSAL_WATCHERS } from "./proposal.roles.js";
import { PROPOSAL_STEP_MAIL, type ProposalStep } from "./proposal.mails.js";

function watchersOf(db: DbOrTx, p: ProposalRow) {
  return db
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(
      and(
        inArray(users.organisationId, [p.partnerId, p.customerId]),
        inArray(users.role, [...PROPOSAL_WATCHERS]),
        isNull(users.deactivatedAt),
      ),
    )
    .orderBy(users.email);
}

/** One mail per recipient for a step of the proposal, queued in the step's own transaction. */
export async function mailProposalStep(
  db: DbOrTx,
  p: ProposalRow,
  names: { customerName: string; partnerName: string },
  step: ProposalStep,
) {
  // The vendor's side finds a new proposal in the worklist; the mails are for those outside it.
  await queueMailToEach(db, PROPOSAL_STEP_MAIL, await watchersOf(db, p), {
    ...names,
    tier: p.tier,
    wishedStartOn: p.wishedStartOn,
    step,
  });
}
