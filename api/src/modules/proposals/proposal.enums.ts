import { proposalStatus } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";

export const ProposalStatus = graphqlEnum(proposalStatus.enumValues, {
  name: "ProposalStatus",
  description: "Where a partner's agreement proposal stands.",
  valuesConfig: {
    PROPOSED: { description: "Waiting for the vendor's seller." },
    ACTIVATED: { description: "The seller completed it: the agreement made from it is active." },
    DECLINED: { description: "The seller declined it, with a reason." },
  },
});
export type ProposalStatus = (typeof proposalStatus.enumValues)[number];
