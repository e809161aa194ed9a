/**
 * How long the links in account mails work. An invitation waits for a person who may be on
 * holiday (14 days, as GitHub and GitLab give); a reset link answers someone at the screen now, and
 * anyone who reads the mail later (a shared or forwarded mailbox) should find it dead.
 */
export const INVITATION_DAYS = 14;
export const RESET_LINK_MINUTES = 60;

/** The least time a reset request takes to answer: well above the work on either path (tens of ms). */
export const RESET_ANSWER_FLOOR_MS = 250;
