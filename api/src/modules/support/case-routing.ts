/**
 * Who answers a case. "Frågor om programmering av ny utrustning och daglig drift hanteras av er
 * installatör": programming and daily operation go to the customer's installer (the partner on the
 * covering agreement, else the property's installer); everything else, and everything when there
 * is no installer, to the vendor's support. The reason is told to the customer in plain words.
 */
export type Category = "PROGRAMMING" | "DAILY_OPERATION" | "TECHNICAL" | "BILLING" | "OTHER";
type Route = "VENDOR" | "PARTNER";

const INSTALLER_CATEGORIES: readonly Category[] = ["PROGRAMMING", "DAILY_OPERATION"];

export type RoutingReasonCode =
  "INSTALLER_ON_AGREEMENT" | "PROPERTY_INSTALLER" | "NO_INSTALLER" | "VENDOR_QUESTION" | "HANDED_OVER" | "ESCALATED";

export interface Installer {
  id: string;
  name: string;
  /** Where we know it from. */
  source: "AGREEMENT" | "PROPERTY";
}

export interface Routing {
  routedTo: Route;
  /** The installer, kept even when the vendor answers, so a hand-over knows whom to hand to. */
  partnerId: string | null;
  reason: RoutingReasonCode;
}

export function routeCase(category: Category, installer: Installer | null): Routing {
  if (!INSTALLER_CATEGORIES.includes(category))
    return { routedTo: "VENDOR", partnerId: installer?.id ?? null, reason: "VENDOR_QUESTION" };
  if (!installer) return { routedTo: "VENDOR", partnerId: null, reason: "NO_INSTALLER" };
  return {
    routedTo: "PARTNER",
    partnerId: installer.id,
    reason: installer.source === "AGREEMENT" ? "INSTALLER_ON_AGREEMENT" : "PROPERTY_INSTALLER",
  };
}

/** The reason in the customer's words, Swedish first. */
export function routingMessage(code: RoutingReasonCode, partnerName: string | null): { sv: string; en: string } {
  const who = partnerName ?? "er installatör";
  switch (code) {
    case "INSTALLER_ON_AGREEMENT": {
      // Without a name the sentence says "er installatör" once, not "er installatör er installatör".
      const named = partnerName === null ? "" : ` ${partnerName}`;
      return {
        sv: `Frågor om programmering och daglig drift besvaras av er installatör${named}, som är partner på ert supportavtal.`,
        en: `Questions about programming and daily operation are answered by your installer${named}, the partner on your support agreement.`,
      };
    }
    case "PROPERTY_INSTALLER":
      return {
        sv: `Frågor om programmering och daglig drift besvaras av ${who}, som installerade systemet i er fastighet.`,
        en: `Questions about programming and daily operation are answered by ${partnerName ?? "your installer"}, who installed the system in your property.`,
      };
    case "NO_INSTALLER":
      return {
        sv: "Ni har ingen installatör registrerad hos oss, så Aptus support hjälper er direkt.",
        en: "You have no installer registered with us, so Aptus support helps you directly.",
      };
    case "VENDOR_QUESTION":
      return {
        sv: "Tekniska frågor, fakturafrågor och övriga frågor besvaras av Aptus support.",
        en: "Technical, billing and other questions are answered by Aptus support.",
      };
    case "HANDED_OVER":
      return {
        sv: `Ärendet har lämnats över till ${partnerName ?? "Aptus support"}, som är bäst lämpad att svara.`,
        en: `The case was handed over to ${partnerName ?? "Aptus support"}, who is best placed to answer.`,
      };
    case "ESCALATED":
      return {
        sv: `${partnerName ?? "Er installatör"} hann inte svara inom svarstiden, så Aptus support har tagit över ärendet.`,
        en: `${partnerName ?? "Your installer"} did not answer within the response time, so Aptus support took the case over.`,
      };
  }
}
