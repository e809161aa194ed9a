import {
  messageSide,
  routedTo,
  supportCaseCategory,
  supportCaseSource,
  supportCaseStatus,
  supportCaseSeverity,
  supportPriority,
} from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { CASE_DEADLINES } from "./case-clock.js";

/** The support module's GraphQL enums, each from its database enum or the rule that defines it (decision 0006). */

export const SupportCaseSource = graphqlEnum(supportCaseSource.enumValues, {
  name: "SupportCaseSource",
  description: "Who opened a case.",
  valuesConfig: {
    PERSON: { description: "A person, in the portal or through the API." },
    MONITORING: { description: "Trygg's monitoring, when a check of the customer's installation went down." },
  },
});
export type SupportCaseSource = (typeof SupportCaseSource)[keyof typeof SupportCaseSource];

export const SupportCaseCategory = graphqlEnum(supportCaseCategory.enumValues, {
  name: "SupportCaseCategory",
  description: "What a case is about; it decides who answers.",
  valuesConfig: {
    PROGRAMMING: {
      description: "Programming new equipment: answered by the customer's installer (partner) when there is one.",
    },
    DAILY_OPERATION: {
      description: "Daily operation: answered by the customer's installer (partner) when there is one.",
    },
    TECHNICAL: { description: "Technical problems: answered by the vendor's support." },
    BILLING: { description: "Invoices and prices: answered by the vendor's support." },
    OTHER: { description: "Anything else: answered by the vendor's support." },
  },
});
export type SupportCaseCategory = (typeof SupportCaseCategory)[keyof typeof SupportCaseCategory];
export const SupportCaseStatus = graphqlEnum(supportCaseStatus.enumValues, {
  name: "SupportCaseStatus",
  description: "Where a case stands.",
  valuesConfig: {
    OPEN: { description: "With support; the clock runs in open hours." },
    WAITING_ON_CUSTOMER: {
      description: "Support waits for the customer; the clock stands still until the customer answers.",
    },
    RESOLVED: { description: "Answered; the customer's next message opens it again." },
    CLOSED: { description: "Finished for good." },
  },
});
export type SupportCaseStatus = (typeof SupportCaseStatus)[keyof typeof SupportCaseStatus];
export const RoutedTo = graphqlEnum(routedTo.enumValues, {
  name: "RoutedTo",
  description: "Who answers a case.",
  valuesConfig: {
    VENDOR: { description: "The vendor's support." },
    PARTNER: { description: "The customer's installer." },
  },
});
export type RoutedTo = (typeof RoutedTo)[keyof typeof RoutedTo];
export const SupportPriority = graphqlEnum(supportPriority.enumValues, {
  name: "SupportPriority",
  description: "From the response-target table, by the covering agreement's tier and the case's severity.",
  valuesConfig: {
    URGENT: { description: "The whole system is down and a valid support agreement covers it." },
    HIGH: {
      description:
        "A valid support agreement covers a partial outage, or the whole system is down without an agreement.",
    },
    NORMAL: { description: "A question, or a partial outage no valid agreement covers; it is still answered." },
  },
});
export const SupportCaseSeverity = graphqlEnum(supportCaseSeverity.enumValues, {
  name: "SupportCaseSeverity",
  description:
    "How bad it is, as the one who opens the case says; with the agreement's tier it sets the priority and both targets.",
  valuesConfig: {
    SYSTEM_DOWN: { description: "Hela systemet ur funktion: the whole system is down (doors, entry, booking)." },
    PARTIAL: { description: "Delvis: part of the system does not work. The default when a client gives none." },
    QUESTION: { description: "Fråga: a question; nothing is broken." },
  },
});
export type SupportCaseSeverity = (typeof SupportCaseSeverity)[keyof typeof SupportCaseSeverity];
export type SupportPriority = (typeof SupportPriority)[keyof typeof SupportPriority];
export const SupportCaseDeadline = graphqlEnum(CASE_DEADLINES, {
  name: "SupportCaseDeadline",
  description: "Where an unanswered open case stands against its first-response deadline, in open hours.",
  valuesConfig: {
    OVERDUE: { description: "The target is used up and the case is still unanswered." },
    NEAR_DEADLINE: { description: "At least 75% of the target is used, not yet overdue." },
  },
});
export type SupportCaseDeadline = (typeof SupportCaseDeadline)[keyof typeof SupportCaseDeadline];
export const SupportMessageSide = graphqlEnum(messageSide.enumValues, {
  name: "SupportMessageSide",
  description: "Who wrote a message.",
  valuesConfig: {
    CUSTOMER: { description: "The customer." },
    VENDOR: { description: "The vendor's support." },
    PARTNER: { description: "The partner (installer)." },
  },
});
export type SupportMessageSide = (typeof SupportMessageSide)[keyof typeof SupportMessageSide];
