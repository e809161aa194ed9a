import { ok, userError, type Result } from "../../shared/errors.js";
import type { Viewer } from "../../shared/viewer.js";
import { AccessErrors } from "./access.errors.js";

/**
 * What an API token may do: the scopes, one read and one write per domain, and the scope each root field of the API
 * needs. A token made without scopes keeps full access (every partner integration made before scopes existed);
 * sessions are never limited by scopes. Checked once per operation by `tokenScopePlugin` (decision 0059).
 */
export const API_SCOPES = [
  "agreements:read",
  "agreements:write",
  "tailoring:read",
  "tailoring:write",
  "visits:read",
  "visits:write",
  "cases:read",
  "cases:write",
  "monitoring:read",
  "monitoring:write",
  "hosting:read",
  "hosting:write",
  "releases:read",
  "releases:write",
  "parties:read",
  "parties:write",
  "pricing:read",
  "pricing:write",
  "accounts:read",
  "accounts:write",
  "notifications:read",
  "notifications:write",
  "access:read",
  "access:write",
  "audit:read",
  "webhooks:read",
  "webhooks:write",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/** A read-only token: every `:read` scope. */
export const READ_SCOPES: readonly ApiScope[] = API_SCOPES.filter((s) => s.endsWith(":read"));

/**
 * `OPEN`: any token (who am I, and the log-in and invitation steps, which a token does not need anyway).
 * `ANY_READ`: any token with at least one read scope; `node` and `search` answer objects of every domain.
 */
type RootFieldRule = ApiScope | "OPEN" | "ANY_READ";

export const ROOT_FIELD_SCOPES: { Query: Record<string, RootFieldRule>; Mutation: Record<string, RootFieldRule> } = {
  Query: {
    viewer: "OPEN",
    apiTokens: "access:read",
    apiTokenScopes: "OPEN",
    agreements: "agreements:read",
    agreementsYearlyValue: "agreements:read",
    agreement: "agreements:read",
    agreementProposals: "agreements:read",
    contactRequests: "cases:read",
    agreementCoveragePreview: "agreements:read",
    productReleases: "releases:read",
    tailorings: "tailoring:read",
    actionItemsPastEndDate: "tailoring:read",
    serviceVisits: "visits:read",
    visitsToBook: "visits:read",
    visitTimeProposals: "visits:read",
    visitCheckKinds: "visits:read",
    supportCalendar: "cases:read",
    supportCalendarExceptionPreview: "cases:read",
    supportCases: "cases:read",
    auditEvents: "audit:read",
    node: "ANY_READ",
    organisations: "parties:read",
    organisation: "parties:read",
    organisationDeactivationPreview: "parties:read",
    deactivatedOrganisations: "parties:read",
    // A person's data is the accounts module's: a token needs that scope, not only the parties'.
    personalData: "accounts:read",
    users: "parties:read",
    user: "parties:read",
    properties: "parties:read",
    property: "parties:read",
    tiers: "parties:read",
    monitoringBoard: "monitoring:read",
    outdatedHostedServices: "hosting:read",
    search: "ANY_READ",
    priceList: "pricing:read",
    listPriceHistory: "pricing:read",
    orderQuote: "pricing:read",
    priceIndexSeries: "pricing:read",
    priceIndexations: "pricing:read",
    priceIndexationPreview: "pricing:read",
    renewalQuotesToDecide: "agreements:read",
    emails: "notifications:read",
    loginLockouts: "access:read",
    invitations: "accounts:read",
    invitationByToken: "OPEN",
    webhookEndpoints: "webhooks:read",
    webhookDeliveries: "webhooks:read",
    visitTimesByLink: "OPEN",
  },
  Mutation: {
    login: "OPEN",
    logout: "OPEN",
    createApiToken: "access:write",
    revokeApiToken: "access:write",
    createAgreement: "agreements:write",
    activateAgreement: "agreements:write",
    proposeAgreement: "agreements:write",
    activateProposal: "agreements:write",
    declineProposal: "agreements:write",
    sendContactRequest: "OPEN",
    linkContactRequest: "cases:write",
    registerCustomerFromContactRequest: "parties:write",
    renewAgreement: "agreements:write",
    requestRenewal: "agreements:write",
    confirmRenewalQuote: "agreements:write",
    setAutoRenewal: "agreements:write",
    refuseAutoRenewal: "agreements:write",
    withdrawAutoRenewalRefusal: "agreements:write",
    declineRenewalQuote: "agreements:write",
    terminateAgreement: "agreements:write",
    changeAgreementCoverage: "agreements:write",
    changeAgreementParties: "agreements:write",
    createHanteraAccount: "agreements:write",
    deactivateHanteraAccount: "agreements:write",
    rentLicence: "agreements:write",
    endLicenceRental: "agreements:write",
    orderAddOn: "agreements:write",
    cancelAddOn: "agreements:write",
    publishProductRelease: "releases:write",
    setInstalledVersion: "releases:write",
    addActionItem: "tailoring:write",
    updateActionItem: "tailoring:write",
    removeActionItem: "tailoring:write",
    prioritiseActionPlan: "tailoring:write",
    confirmPriorities: "tailoring:write",
    agreeEndDate: "tailoring:write",
    requestTailoring: "tailoring:write",
    recordSystemReview: "tailoring:write",
    reopenTailoringStep: "tailoring:write",
    scheduleServiceVisit: "visits:write",
    rescheduleServiceVisit: "visits:write",
    proposeVisitTimes: "visits:write",
    proposeNewVisitTimes: "visits:write",
    answerVisitTimes: "visits:write",
    cancelServiceVisit: "visits:write",
    recordVisitCheck: "visits:write",
    recordVisitChecks: "visits:write",
    createActionItemFromVisitCheck: "visits:write",
    completeServiceVisit: "visits:write",
    correctVisitProtocol: "visits:write",
    signVisitProtocol: "visits:write",
    acknowledgeVisitProtocol: "visits:write",
    sendVisitProtocol: "visits:write",
    setSupportCalendarException: "cases:write",
    removeSupportCalendarException: "cases:write",
    openSupportCase: "cases:write",
    replyToSupportCase: "cases:write",
    setSupportCaseStatus: "cases:write",
    assignSupportCase: "cases:write",
    handOverSupportCase: "cases:write",
    createOrganisation: "parties:write",
    updateOrganisation: "parties:write",
    createUser: "parties:write",
    deactivateUser: "parties:write",
    reactivateUser: "parties:write",
    deactivateOrganisation: "parties:write",
    reactivateOrganisation: "parties:write",
    changeUserRole: "parties:write",
    createProperty: "parties:write",
    updateProperty: "parties:write",
    createMonitoringCheck: "monitoring:write",
    updateMonitoringCheck: "monitoring:write",
    rotateMonitoringPingKey: "monitoring:write",
    pauseMonitoringCheck: "monitoring:write",
    resumeMonitoringCheck: "monitoring:write",
    scheduleMaintenanceWindow: "monitoring:write",
    cancelMaintenanceWindow: "monitoring:write",
    recordRestoreTest: "hosting:write",
    recordHostedServiceUpdate: "hosting:write",
    setListPrice: "pricing:write",
    recordIndexValues: "pricing:write",
    indexPriceList: "pricing:write",
    retryEmail: "notifications:write",
    updateNotificationPreferences: "notifications:write",
    unlockLogin: "access:write",
    inviteUser: "accounts:write",
    resendInvitation: "accounts:write",
    revokeInvitation: "accounts:write",
    startBoardHandover: "accounts:write",
    recoverBoardAdmin: "accounts:write",
    acceptInvitation: "OPEN",
    requestPasswordReset: "OPEN",
    resetPassword: "OPEN",
    changePassword: "accounts:write",
    setMyLanguage: "accounts:write",
    registerWebhookEndpoint: "webhooks:write",
    rotateWebhookSecret: "webhooks:write",
    enableWebhookEndpoint: "webhooks:write",
    removeWebhookEndpoint: "webhooks:write",
    redeliverWebhook: "webhooks:write",
    sendTestWebhook: "webhooks:write",
  },
};

function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/**
 * The scope a token lacks for one root field, or null when it may use it. `scopes` null is full access. A field
 * missing from the map is refused (the completeness test names it first): a new field is closed until it is placed.
 */
export function missingScope(
  scopes: readonly string[] | null | undefined,
  root: "Query" | "Mutation",
  field: string,
): string | null {
  if (!scopes || field.startsWith("__")) return null;
  const rule = ROOT_FIELD_SCOPES[root][field];
  if (rule === "OPEN") return null;
  if (rule === "ANY_READ") return scopes.length > 0 ? null : "a :read scope";
  if (!rule) return `a scope for ${root}.${field}`;
  return holdsScope(scopes, rule) ? null : rule;
}

/** Whether `scopes` include `scope`. Who may change a domain may read it: the write's answer is read from it anyway. */
function holdsScope(scopes: readonly string[], scope: string): boolean {
  return scopes.includes(scope) || (scope.endsWith(":read") && scopes.includes(scope.replace(/:read$/, ":write")));
}

/**
 * The scopes a new token gets: null (full access) when none are named, unless the caller is itself a limited token,
 * whose scopes the new one inherits and may not exceed, so a limited token cannot mint a wider one.
 */
export function grantableScopes(
  viewer: Viewer,
  asked: readonly string[] | null | undefined,
): Result<ApiScope[] | null> {
  const held = viewer.apiTokenScopes ?? null;
  if (asked === null || asked === undefined) return ok(held ? [...held].filter(isApiScope) : null);
  const unknown = asked.filter((s) => !isApiScope(s));
  if (asked.length === 0 || unknown.length > 0) {
    return userError(
      AccessErrors.INVALID_SCOPE,
      asked.length === 0
        ? "Name at least one scope, or leave scopes out for a token with full access."
        : `Unknown scope ${unknown.join(", ")}; the scopes are ${API_SCOPES.join(", ")}.`,
      ["input", "scopes"],
    );
  }
  const beyond = held ? asked.filter((s) => !holdsScope(held, s)) : [];
  if (beyond.length > 0) {
    return userError(
      AccessErrors.SCOPE_NOT_HELD,
      `This token cannot grant ${beyond.join(", ")}: it does not hold it.`,
      ["input", "scopes"],
    );
  }
  return ok([...new Set(asked)].filter(isApiScope).sort((a, b) => API_SCOPES.indexOf(a) - API_SCOPES.indexOf(b)));
}
