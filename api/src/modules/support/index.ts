/** The support module as other modules see it. */
export { findAttachment, findMessage, findSupportCase } from "./support-case.service.js";
export { SupportCase, SupportCaseAttachment, SupportCaseMessage } from "./support-case.types.js";
export { CALENDAR_KEEPERS, CASE_HANDLERS, CASE_OPENERS, VENDOR_CASE_HANDLERS } from "./support.roles.js";
export { monitoringCaseIsOpen, noteOnMonitoringCase, openMonitoringCase } from "./monitoring-case.js";
export {
  escalateSilentInstallers,
  escalationNote,
  installerDeadlinePassed,
  startInstallerEscalation,
} from "./installer-escalation.js";
export { newcomerAnswerTime } from "./newcomer-answer-time.js";
export { openCaseFromContactRequest } from "./contact-request-case.js";
export type { CaseSeverity } from "./case-severity.js";
export { SupportCaseCategory } from "./support.enums.js";
