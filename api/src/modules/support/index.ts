/** The support module as other modules see it. */
export { findAttachment, findMessage, findSupportCase } from "./support-case.service.js";
export { SupportCase, SupportCaseAttachment, SupportCaseMessage } from "./support-case.types.js";
export { CASE_HANDLERS, CASE_OPENERS } from "./support.roles.js";
export { monitoringCaseIsOpen, noteOnMonitoringCase, openMonitoringCase } from "./monitoring-case.js";
export { escalateSilentInstallers, startInstallerEscalation } from "./installer-escalation.js";
