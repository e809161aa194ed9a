import { describe, expect, it } from "vitest";
import { routeCase, routingMessage, type Category, type Installer } from "./case-routing.js";

const onAgreement: Installer = { id: "nordsak", name: "Nordsäk Säkerhet AB", source: "AGREEMENT" };
const atProperty: Installer = { id: "lasteknik", name: "Låsteknik Väst AB", source: "PROPERTY" };

describe("who answers a case", () => {
  it("sends programming and daily operation to the installer, naming where the installer is known from", () => {
    expect(routeCase("PROGRAMMING", onAgreement)).toEqual({
      routedTo: "PARTNER",
      partnerId: "nordsak",
      reason: "INSTALLER_ON_AGREEMENT",
    });
    expect(routeCase("DAILY_OPERATION", atProperty)).toEqual({
      routedTo: "PARTNER",
      partnerId: "lasteknik",
      reason: "PROPERTY_INSTALLER",
    });
  });

  it("sends installer questions to the vendor when the customer has no installer", () => {
    expect(routeCase("PROGRAMMING", null)).toEqual({ routedTo: "VENDOR", partnerId: null, reason: "NO_INSTALLER" });
  });

  it("sends technical, billing and other questions to the vendor and keeps the installer for a hand-over", () => {
    for (const category of ["TECHNICAL", "BILLING", "OTHER"] satisfies Category[]) {
      expect(routeCase(category, onAgreement)).toEqual({
        routedTo: "VENDOR",
        partnerId: "nordsak",
        reason: "VENDOR_QUESTION",
      });
      expect(routeCase(category, null)).toEqual({ routedTo: "VENDOR", partnerId: null, reason: "VENDOR_QUESTION" });
    }
  });
});

describe("routingMessage: why a case went where it did, in the customer's words", () => {
  it("names the installer on the agreement", () => {
    expect(routingMessage("INSTALLER_ON_AGREEMENT", "Nordsäk Säkerhet AB")).toEqual({
      sv: "Frågor om programmering och daglig drift besvaras av er installatör Nordsäk Säkerhet AB, som är partner på ert supportavtal.",
      en: "Questions about programming and daily operation are answered by your installer Nordsäk Säkerhet AB, the partner on your support agreement.",
    });
  });

  it("names the installer of the property", () => {
    expect(routingMessage("PROPERTY_INSTALLER", "Låsteknik Väst AB")).toEqual({
      sv: "Frågor om programmering och daglig drift besvaras av Låsteknik Väst AB, som installerade systemet i er fastighet.",
      en: "Questions about programming and daily operation are answered by Låsteknik Väst AB, who installed the system in your property.",
    });
  });

  it("says 'your installer' when the installer's name is not known", () => {
    expect(routingMessage("INSTALLER_ON_AGREEMENT", null)).toEqual({
      sv: "Frågor om programmering och daglig drift besvaras av er installatör, som är partner på ert supportavtal.",
      en: "Questions about programming and daily operation are answered by your installer, the partner on your support agreement.",
    });
    expect(routingMessage("PROPERTY_INSTALLER", null)).toEqual({
      sv: "Frågor om programmering och daglig drift besvaras av er installatör, som installerade systemet i er fastighet.",
      en: "Questions about programming and daily operation are answered by your installer, who installed the system in your property.",
    });
  });

  it("tells a customer without an installer that the vendor helps directly", () => {
    expect(routingMessage("NO_INSTALLER", null)).toEqual({
      sv: "Ni har ingen installatör registrerad hos oss, så Aptus support hjälper er direkt.",
      en: "You have no installer registered with us, so Aptus support helps you directly.",
    });
  });

  it("tells the customer that the vendor answers its own questions, whoever the installer is", () => {
    const vendor = {
      sv: "Tekniska frågor, fakturafrågor och övriga frågor besvaras av Aptus support.",
      en: "Technical, billing and other questions are answered by Aptus support.",
    };
    expect(routingMessage("VENDOR_QUESTION", null)).toEqual(vendor);
    expect(routingMessage("VENDOR_QUESTION", "Nordsäk Säkerhet AB")).toEqual(vendor);
  });

  it("names whom a case was handed over to: the installer, or the vendor's support when no name is given", () => {
    expect(routingMessage("HANDED_OVER", "Nordsäk Säkerhet AB")).toEqual({
      sv: "Ärendet har lämnats över till Nordsäk Säkerhet AB, som är bäst lämpad att svara.",
      en: "The case was handed over to Nordsäk Säkerhet AB, who is best placed to answer.",
    });
    expect(routingMessage("HANDED_OVER", null)).toEqual({
      sv: "Ärendet har lämnats över till Aptus support, som är bäst lämpad att svara.",
      en: "The case was handed over to Aptus support, who is best placed to answer.",
    });
  });

  it("names the installer who did not answer in time when a case is escalated, or says 'your installer'", () => {
    expect(routingMessage("ESCALATED", "Nordsäk Säkerhet AB")).toEqual({
      sv: "Nordsäk Säkerhet AB hann inte svara inom svarstiden, så Aptus support har tagit över ärendet.",
      en: "Nordsäk Säkerhet AB did not answer within the response time, so Aptus support took the case over.",
    });
    expect(routingMessage("ESCALATED", null)).toEqual({
      sv: "Er installatör hann inte svara inom svarstiden, så Aptus support har tagit över ärendet.",
      en: "Your installer did not answer within the response time, so Aptus support took the case over.",
    });
  });
});
