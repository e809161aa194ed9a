import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { properties } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import { openSupportCase } from "../modules/support/support-case.service.js";
import { replyToSupportCase, setSupportCaseStatus } from "../modules/support/support-case-thread.service.js";
import type { Result } from "../shared/errors.js";

function must<T>(r: Result<T>, what: string): T {
  if ("errors" in r) throw new Error(`Demo seed failed at ${what}: ${r.errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return r.ok;
}

/**
 * Support cases for the demo, dated relative to now: open, waiting and resolved ones for several
 * customers, routed to the vendor and to both partners, some of them overdue.
 */
export async function seedSupportCases(db: Db): Promise<void> {
  const as = async (email: string) => (await systemViewerOf(db, email))!;
  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const propertyId = async (name: string) => (await db.select({ id: properties.id }).from(properties).where(eq(properties.name, name)))[0]!.id;
  const [karin, kalle, eva, bo, britt, tomas, lars] = await Promise.all(
    ["karin@vastkustfast.demo", "kalle@vastkustfast.demo", "eva@alvstranden.demo", "bo@brflinne.demo", "britt@brfkastanjen.demo", "tomas.tekniker@aptus.demo", "lars@lasteknikvast.demo"].map(as),
  );

  // Overdue: a programming question with Nordsäk for ten days.
  must(await openSupportCase(db, karin!, { category: "PROGRAMMING", propertyId: await propertyId("Kv. Masthugget 4"), subject: "Nya taggar till tvättstugan", description: "Vi behöver programmera 40 nya taggar med behörighet till tvättstugan i hus C." }, ago(240)), "case");

  // Fresh technical question to the vendor, with an internal note.
  const door = must(await openSupportCase(db, kalle!, { category: "TECHNICAL", propertyId: await propertyId("Kv. Majorna 12"), subject: "Porten i trapphus B låser inte", description: "Sedan i morse går porten inte i lås efter att den stängts. Displayen visar \"Dörr öppen\"." }, ago(2)), "case");
  must(await replyToSupportCase(db, tomas!, { caseId: door.id, body: "Samma centralenhet byttes 2024; kolla firmware innan vi skickar tekniker.", internal: true }, ago(1)), "note");

  // Waiting on the customer: Låsteknik asked Älvstranden for a list of apartments.
  const waiting = must(await openSupportCase(db, eva!, { category: "DAILY_OPERATION", propertyId: await propertyId("Eriksberg Kaj"), subject: "Spärra taggar vid avflytt", description: "Hur spärrar vi taggar för lägenheter som flyttat ut?" }, ago(30)), "case");
  must(await replyToSupportCase(db, lars!, { caseId: waiting.id, body: "Skicka gärna en lista över lägenheterna så spärrar vi taggarna åt er." }, ago(26)), "reply");
  must(await setSupportCaseStatus(db, lars!, { caseId: waiting.id, status: "WAITING_ON_CUSTOMER" }, ago(26)), "waiting");

  // Resolved billing question.
  const invoice = must(await openSupportCase(db, bo!, { category: "BILLING", subject: "Fråga om fakturan för hosting", description: "Fakturan för oktober tar upp hosting, men vi har inte beställt det." }, ago(120)), "case");
  must(await replyToSupportCase(db, tomas!, { caseId: invoice.id, body: "Det var ett fel hos oss; en kreditfaktura är skickad." }, ago(118)), "reply");
  must(await setSupportCaseStatus(db, tomas!, { caseId: invoice.id, status: "RESOLVED" }, ago(118)), "resolved");

  // Overdue, no agreement and no installer: goes to the vendor.
  must(await openSupportCase(db, britt!, { category: "PROGRAMMING", subject: "Lägga till ny port", description: "Vi har satt in en ny port mot gården och vill koppla den till systemet." }, ago(200)), "case");
}
