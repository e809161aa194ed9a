/** The proposals module as other modules see it: who works with a partner's agreement proposals (decision 0070). */
export { PROPOSAL_DECIDERS, PROPOSAL_READERS, PROPOSERS } from "./proposal.roles.js";
