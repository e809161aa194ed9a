import { addOnKind, licenceKind } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { HOSTED_SERVICES } from "./add-ons.js";
import { AGREEMENT_STATUSES } from "./agreement-status.js";
import { LAPSED_BENEFITS } from "./lapse-preview.js";

export const AgreementStatus = graphqlEnum(AGREEMENT_STATUSES, {
  name: "AgreementStatus",
  description: "Derived from activation, periods and termination every time it is read; never stale.",
  valuesConfig: {
    DRAFT: { description: "Created, not yet activated." },
    ACTIVE: { description: "Valid, and not ending within the expiring window." },
    EXPIRING: { description: "Valid, but ends within the expiring window (default 60 days): time to renew." },
    EXPIRED: { description: "The last period has ended without renewal." },
    TERMINATED: { description: "Ended early on a termination date." },
  },
});
export type AgreementStatus = (typeof AgreementStatus)[keyof typeof AgreementStatus];

export const LicenceKind = graphqlEnum(licenceKind.enumValues, {
  name: "LicenceKind",
  description: "Licences a customer may rent during the agreement period instead of buying.",
  valuesConfig: {
    BOOKING: { description: "Booking licences (Bokning)." },
    HANTERA: { description: "Hantera licences; each adds one Hantera account to the quota." },
    CONSUMPTION: { description: "Consumption metering licences (Förbrukning)." },
  },
});
export type LicenceKind = (typeof LicenceKind)[keyof typeof LicenceKind];

export const AddOnKind = graphqlEnum(addOnKind.enumValues, {
  name: "AddOnKind",
  description: "Services ordered on top of an agreement; they never outlive it.",
  valuesConfig: {
    HOSTING: {
      description:
        "Aptus Hosting: the vendor runs, backs up and updates the database and hosts the ordered services. Requires a valid agreement.",
    },
    MONITORING: { description: "Aptus Systemövervakning: the system is watched around the clock, every day." },
  },
});
export type AddOnKind = (typeof AddOnKind)[keyof typeof AddOnKind];

export const HostedService = graphqlEnum(HOSTED_SERVICES, {
  name: "HostedService",
  description: "Services that Aptus Hosting can host.",
  valuesConfig: {
    BOKNING: { description: "Bokning (booking)." },
    FORBRUKNING: { description: "Förbrukning (consumption metering)." },
    FDB: { description: "FDB." },
    APTUSPORTAL: { description: "Aptusportal, the resident portal." },
    HANTERA: { description: "Hantera, the administration program." },
  },
});
export type HostedService = (typeof HostedService)[keyof typeof HostedService];

export const LapsedBenefit = graphqlEnum(LAPSED_BENEFITS, {
  name: "LapsedBenefit",
  description: "A benefit that ends when the agreement is not renewed.",
  valuesConfig: {
    ANNUAL_VISIT: { description: "The annual on-site support visit (500+)." },
    HANTERA_ACCOUNTS: { description: "The Hantera accounts in use." },
    LICENCE_RENTAL: { description: "A running licence rental." },
    HOSTING: { description: "Aptus Hosting." },
    MONITORING: { description: "24/7 system monitoring." },
    LATEST_VERSIONS: { description: "Updates to the latest program versions." },
  },
});
export type LapsedBenefit = (typeof LapsedBenefit)[keyof typeof LapsedBenefit];
