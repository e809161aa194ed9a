import type { IsoDate } from "../../shared/dates.js";

/** Öre as Swedish kronor, "12 000 kr", with plain spaces so every mail reader shows it alike. */
export function kronor(minor: number): string {
  return `${Math.round(minor / 100)
    .toLocaleString("sv-SE")
    .replace(/[\u00a0\u202f]/g, " ")} kr`;
}

export function reminderSubject(a: { number: string; customerName: string }, daysLeft: number, endsOn: IsoDate) {
  return `Avtal ${a.number} (${a.customerName}) löper ut om ${daysLeft} dagar, ${endsOn}`;
}

export function reminderBody(
  a: { number: string; customerName: string },
  daysLeft: number,
  endsOn: IsoDate,
  links: { agreementUrl: string; accountUrl: string },
) {
  return (
    `Hej!\n\nSupportavtal ${a.number} för ${a.customerName} löper ut ${endsOn}, om ${daysLeft} dagar. ` +
    `Avtalstiden är tidsbegränsad och måste förnyas för varje ny avtalsperiod för att supportavtalet ska gälla: ` +
    `förnyas det inte upphör hyrda licenser, hosting och övervakning, och bokade supportbesök ställs in.\n\n` +
    `Avtalet i Trygg: ${links.agreementUrl}\n\n` +
    `Vilka påminnelser du får väljer du under Mitt konto: ${links.accountUrl}\n\nVänliga hälsningar\nTrygg\n`
  );
}
