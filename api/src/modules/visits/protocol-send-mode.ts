/**
 * When a completed protocol goes out without anyone pressing "Skicka" (VISIT_PROTOCOL_SEND, docs/operations.md):
 * SIGNED mails it once the customer's contact has signed it; REVIEW leaves the first mail to the technician, after
 * a look at the finished protocol. Either way a correction of a protocol its readers have follows them.
 */
export const PROTOCOL_SEND_MODES = ["SIGNED", "REVIEW"] as const;
export type ProtocolSendMode = (typeof PROTOCOL_SEND_MODES)[number];
export const DEFAULT_PROTOCOL_SEND_MODE: ProtocolSendMode = "SIGNED";
