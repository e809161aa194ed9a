/** The monitoring module as the rest of the API sees it. */
export { startCheckSweeper, sweepDueChecks } from "./check-sweeper.js";
export { DEFAULT_INCIDENT_MAIL, mailIncidents } from "./incident-mailer.js";
export { DEFAULT_PING_LIMITS, type PingLimitSettings } from "./ping-limits.js";
export { isPingPath, pingRoute } from "./ping-route.js";
export { findCheck, rotatePingKey } from "./check.service.js";
export { receivePing, receivePingsInOrder, type PingInput } from "./ping-ingestion.js";
export { MonitoringCheck } from "./monitoring.types.js";
export { reconcileMonitoring } from "./monitoring-provisioning.js";
export { BOARD_VIEWERS, CHECK_VIEWERS } from "./monitoring.roles.js";
export { backupRunsOfCustomers, type BackupRun } from "./backup-runs.js";
export { backupEvidence } from "./backup-evidence.queries.js";
export type { BackupEvidence, CheckBackupEvidence, BackupGap } from "./backup-evidence.js";
export { BACKUP_EVIDENCE_SOURCE, BackupEvidence as BackupEvidenceType } from "./backup-evidence.types.js";
export { checksStoppingWith, type StoppingCheck } from "./checks-stopping.js";
