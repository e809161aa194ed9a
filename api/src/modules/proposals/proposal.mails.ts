import { mailKind } from "../notifications/index.js";

export type ProposalStep =
  | { kind: "PROPOSED" }
  | { kind: "ACTIVATED"; agreementNumber: string; startsOn: string; endsOn: string }
  | { kind: "DECLINED"; reason: string };

interface ProposalFacts {
  customerName: string;
  partnerName: string;
  tier: string;
  wishedStartOn: string;
  step: ProposalStep;
}

/** A step of a partner's agreement proposal, to the partner's and the customer's admins (decision 0089). */
export const PROPOSAL_STEP_MAIL = mailKind<ProposalFacts>(
  "agreementProposalStep",
  {
    SV: (f) => {
      const about = `Avtalsförslag för ${f.customerName} från ${f.partnerName}`;
      const s = f.step;
      if (s.kind === "PROPOSED")
        return {
          subject: `${about}: inskickat`,
          body: `${f.partnerName} har föreslagit ett supportavtal (${f.tier}) för ${f.customerName}, önskad start ${f.wishedStartOn}.\nSäljaren hos leverantören går igenom förslaget och återkommer.`,
        };
      if (s.kind === "ACTIVATED")
        return {
          subject: `${about}: avtal ${s.agreementNumber} är aktivt`,
          body: `Förslaget är godkänt. Avtal ${s.agreementNumber} gäller ${s.startsOn} – ${s.endsOn}.\nDu ser avtalet i portalen.`,
        };
      return { subject: `${about}: avböjt`, body: `Förslaget har avböjts.\nSkäl: ${s.reason}` };
    },
    EN: (f) => {
      const about = `Agreement proposal for ${f.customerName} from ${f.partnerName}`;
      const s = f.step;
      if (s.kind === "PROPOSED")
        return {
          subject: `${about}: submitted`,
          body: `${f.partnerName} has proposed a support agreement (${f.tier}) for ${f.customerName}, wished start ${f.wishedStartOn}.\nThe vendor's seller reviews the proposal and will get back to you.`,
        };
      if (s.kind === "ACTIVATED")
        return {
          subject: `${about}: agreement ${s.agreementNumber} is active`,
          body: `The proposal is approved. Agreement ${s.agreementNumber} runs ${s.startsOn} to ${s.endsOn}.\nYou find the agreement in the portal.`,
        };
      return { subject: `${about}: declined`, body: `The proposal has been declined.\nReason: ${s.reason}` };
    },
  },
  {
    customerName: "BRF Solgläntan",
    partnerName: "Lås & Larm AB",
    tier: "GULD",
    wishedStartOn: "2026-04-01",
    step: { kind: "PROPOSED" },
  },
);
