import type { supportCaseSeverity } from "../../db/schema/index.js";

/**
 * How bad a case is, in the words of the one who opens it: "Hela systemet ur funktion", "Delvis", "Fråga". With the
 * covering agreement's tier it picks the row of the targets table, which gives the priority, the first-response
 * target and the resolution target (issue 22).
 */
export type CaseSeverity = (typeof supportCaseSeverity.enumValues)[number];

/**
 * A partner's client written before severities existed opens its cases as PARTIAL: the row that holds the targets
 * every case had until then, so such a client is promised what it was promised before.
 */
export const SEVERITY_WHEN_NOT_GIVEN: CaseSeverity = "PARTIAL";

/**
 * Trygg's monitoring knows a check went silent or failed, not that the whole system is down: its cases are PARTIAL,
 * and a person who knows more raises them.
 */
export const MONITORING_CASE_SEVERITY: CaseSeverity = "PARTIAL";
