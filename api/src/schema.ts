import { GraphQLSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AccessResolver, ApiTokenResolver } from "./modules/access/access.resolver.js";
// In this order: type-graphql lists an object's fields, and the mutations, in the order their resolvers
// were declared, and the SDL lists the agreement's own fields, then its parts, then what is read across them.
import { AgreementResolver } from "./modules/agreements/agreement.resolver.js";
import { HanteraAccountHolderResolver, HanteraAccountResolver } from "./modules/agreements/hantera-account.resolver.js";
import { LicenceRentalResolver } from "./modules/agreements/licence-rental.resolver.js";
import { AddOnResolver } from "./modules/agreements/add-on.resolver.js";
import { AgreementOutlookResolver } from "./modules/agreements/agreement-outlook.resolver.js";
import { AgreementCoverageResolver } from "./modules/agreements/agreement-coverage.resolver.js";
import {
  InstalledVersionResolver,
  ProductReleaseResolver,
  PropertyVersionsResolver,
} from "./modules/releases/release.resolver.js";
import { ActionItemPastEndDateResolver } from "./modules/tailoring/items-past-end-date.resolver.js";
import { ActionPlanResolver } from "./modules/tailoring/action-plan.resolver.js";
import {
  AgreementTailoringResolver,
  SystemReviewResolver,
  TailoringEventResolver,
  TailoringResolver,
  TailoringStepStatusResolver,
} from "./modules/tailoring/tailoring.resolver.js";
import { ServiceVisitResolver } from "./modules/visits/visit.resolver.js";
import { ServiceVisitBookingResolver } from "./modules/visits/visit-booking.resolver.js";
import { VisitTimeProposalResolver } from "./modules/visits/visit-proposal.resolver.js";
import { VisitChecksResolver } from "./modules/visits/visit-checks.resolver.js";
import { ServiceVisitPrefillResolver } from "./modules/visits/visit-prefill.resolver.js";
import {
  ActionItemVisitResolver,
  AgreementVisitsResolver,
  ActionPlanVisitResolver,
  VisitAcknowledgementResolver,
  VisitBookingResolver,
  VisitCheckResolver,
  VisitProtocolVersionResolver,
} from "./modules/visits/visit-relations.resolver.js";
import { SupportCalendarResolver } from "./modules/support/support-calendar.resolver.js";
import { AgreementProposalResolver } from "./modules/proposals/proposal.resolver.js";
import { ContactRequestResolver } from "./modules/contact/contact.resolver.js";
import {
  SupportCaseAttachmentResolver,
  SupportCaseMessageResolver,
  SupportCaseResolver,
} from "./modules/support/support-case.resolver.js";
import { AuditResolver } from "./modules/audit/audit.resolver.js";
import { OrganisationDeactivationResolver } from "./modules/offboarding/organisation-deactivation.resolver.js";
import { OrganisationReactivationResolver } from "./modules/offboarding/organisation-reactivation.resolver.js";
import { UserReactivationResolver } from "./modules/parties/user-reactivation.resolver.js";
import { PersonalDataResolver } from "./modules/privacy/personal-data.resolver.js";
import { NodeResolver } from "./modules/node/node.resolver.js";
import {
  OrganisationResolver,
  PropertyResolver,
  TierResolver,
  UserResolver,
} from "./modules/parties/party.resolver.js";
import {
  AgreementMonitoringResolver,
  MonitoringCheckResolver,
  PropertyMonitoringResolver,
} from "./modules/monitoring/monitoring.resolver.js";
import {
  MonitoringCheckHistoryResolver,
  MonitoringIncidentCaseResolver,
} from "./modules/monitoring/check-history.resolver.js";
import {
  MaintenanceWindowResolver,
  MonitoringCheckMaintenanceResolver,
  PropertyMaintenanceResolver,
} from "./modules/monitoring/maintenance.resolver.js";
import {
  HostedServiceUpdateResolver,
  HostingResolver,
  HostingBackupResolver,
  OrganisationHostingResolver,
  OutdatedHostedServiceResolver,
  RestoreTestResolver,
} from "./modules/hosting/hosting.resolver.js";
import { SearchResolver } from "./modules/search/search.resolver.js";
import { PricingResolver } from "./modules/pricing/pricing.resolver.js";
import { IndexClauseResolver } from "./modules/pricing/index-clause.resolver.js";
import { AgreementRenewalQuoteResolver, RenewalQuoteResolver } from "./modules/renewals/renewal-quote.resolver.js";
import { AgreementAutoRenewalResolver, AutoRenewalResolver } from "./modules/renewals/auto-renewal.resolver.js";
import { OutboxResolver } from "./modules/notifications/outbox.resolver.js";
import {
  NotificationPreferencesResolver,
  ViewerNotificationsResolver,
} from "./modules/notifications/notification-preferences.resolver.js";
import { LockoutResolver } from "./modules/access/lockout.resolver.js";
import { InvitationResolver, PasswordResolver } from "./modules/accounts/accounts.resolver.js";
import { BoardHandoverResolver } from "./modules/accounts/board-handover.resolver.js";
import { WebhookResolver } from "./modules/webhooks/webhook.resolver.js";
import { authChecker } from "./shared/auth.js";
import { validateArgument } from "./shared/validation.js";

const resolvers = [
  NodeResolver,
  MonitoringCheckResolver,
  PropertyMonitoringResolver,
  AgreementMonitoringResolver,
  MonitoringCheckHistoryResolver,
  MonitoringIncidentCaseResolver,
  MaintenanceWindowResolver,
  MonitoringCheckMaintenanceResolver,
  PropertyMaintenanceResolver,
  OrganisationHostingResolver,
  HostingResolver,
  HostingBackupResolver,
  RestoreTestResolver,
  HostedServiceUpdateResolver,
  OutdatedHostedServiceResolver,
  AccessResolver,
  ApiTokenResolver,
  OrganisationResolver,
  UserResolver,
  PropertyResolver,
  TierResolver,
  AgreementResolver,
  HanteraAccountResolver,
  HanteraAccountHolderResolver,
  LicenceRentalResolver,
  AddOnResolver,
  AgreementOutlookResolver,
  AgreementProposalResolver,
  ContactRequestResolver,
  AgreementCoverageResolver,
  ProductReleaseResolver,
  PropertyVersionsResolver,
  InstalledVersionResolver,
  TailoringResolver,
  TailoringEventResolver,
  TailoringStepStatusResolver,
  SystemReviewResolver,
  ActionPlanResolver,
  ActionItemPastEndDateResolver,
  AgreementTailoringResolver,
  AuditResolver,
  ServiceVisitResolver,
  ServiceVisitBookingResolver,
  VisitTimeProposalResolver,
  VisitChecksResolver,
  ServiceVisitPrefillResolver,
  VisitCheckResolver,
  ActionItemVisitResolver,
  VisitBookingResolver,
  VisitProtocolVersionResolver,
  VisitAcknowledgementResolver,
  AgreementVisitsResolver,
  ActionPlanVisitResolver,
  SearchResolver,
  PricingResolver,
  IndexClauseResolver,
  RenewalQuoteResolver,
  AgreementRenewalQuoteResolver,
  AutoRenewalResolver,
  AgreementAutoRenewalResolver,
  OutboxResolver,
  ViewerNotificationsResolver,
  NotificationPreferencesResolver,
  LockoutResolver,
  SupportCalendarResolver,
  SupportCaseResolver,
  SupportCaseMessageResolver,
  SupportCaseAttachmentResolver,
  InvitationResolver,
  BoardHandoverResolver,
  PasswordResolver,
  WebhookResolver,
  OrganisationDeactivationResolver,
  OrganisationReactivationResolver,
  UserReactivationResolver,
  PersonalDataResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global, so the schema is too. */
export function schema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    authChecker,
    // Without this, class-validator's decorators on inputs would be silently ignored.
    validateFn: validateArgument,
    emitSchemaFile: false,
  }).then((s) => {
    // type-graphql has no place to describe the root types; the SDL is the partners' reference.
    const query = s.getQueryType();
    const mutation = s.getMutationType();
    if (query)
      query.description =
        "Everything a caller can read. Lists are Relay connections; objects outside the caller's tenant answer as missing.";
    if (mutation)
      mutation.description =
        "Business operations. Each takes one `input` and answers a payload with `userErrors`; a userError means nothing was written.";
    return s;
  });
  return built;
}

/**
 * The SDL partners read; committed as schema/schema.graphql and compared in the tests. Query and
 * Mutation come first, then every other type by name (each type's fields as declared): graphql-js
 * would print them in the order type-graphql registered them, which follows the order modules
 * happen to load in, so moving an import would reorder the partners' reference (decision 0044).
 */
export async function schemaSdl(): Promise<string> {
  const built = await schema();
  const config = built.toConfig();
  const roots = [config.query, config.mutation].flatMap((t) => (t ? [t] : []));
  const others = config.types
    .filter((t) => t !== config.query && t !== config.mutation)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${printSchema(new GraphQLSchema({ ...config, types: [...roots, ...others] }))}\n`;
}
