import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { properties } from "../db/schema/index.js";
import { systemViewerOf } from "../modules/access/access.service.js";
import { createAttachmentLimits } from "../modules/support/attachment-limits.js";
import { escalateSilentInstallers } from "../modules/support/index.js";
import { openSupportCase } from "../modules/support/support-case.service.js";
import { replyToSupportCase, setSupportCaseStatus } from "../modules/support/support-case-thread.service.js";
import type { LivedTime } from "./lived-time.js";
import { must } from "./must.js";

/**
 * Support cases for the demo, dated relative to now: open, waiting and resolved ones for several
 * customers, routed to the vendor and to both partners, some of them overdue.
 */
export async function seedSupportCases(db: Db, lived: LivedTime): Promise<void> {
  const as = async (email: string) => (await systemViewerOf(db, email))!;
  const limits = createAttachmentLimits(db);
  const start = Date.now();
  /** Runs `act` at its hour, so the case's history and audit trail carry that hour too. */
  const ago = <T>(hours: number, act: (now: Date) => Promise<T>) =>
    lived.at(new Date(start - hours * 3_600_000), ({ now }) => act(now));
  const propertyId = async (name: string) =>
    (await db.select({ id: properties.id }).from(properties).where(eq(properties.name, name)))[0]!.id;
  const [karin, kalle, eva, bo, britt, tomas, lars] = await Promise.all(
    [
      "karin@vastkustfast.demo",
      "kalle@vastkustfast.demo",
      "eva@alvstranden.demo",
      "bo@brflinne.demo",
      "britt@brfkastanjen.demo",
      "tomas.tekniker@aptus.demo",
      "lars@lasteknikvast.demo",
    ].map(as),
  );

  // Ten days ago a programming question went to Nordsäk, who did not answer in time: it came back to Aptus support
  // when its deadline passed (issue 22's escalation), and is overdue there.
  const silent = await ago(240, async (now) =>
    must(
      await openSupportCase(
        db,
        karin!,
        {
          category: "PROGRAMMING",
          propertyId: await propertyId("Kv. Masthugget 4"),
          subject: "Nya taggar till tvättstugan",
          description: "Vi behöver programmera 40 nya taggar med behörighet till tvättstugan i hus C.",
          severity: "PARTIAL",
        },
        now,
        limits,
      ),
      "case",
    ),
  );
  await lived.at(new Date(silent.responseDueAt!.getTime() + 60_000), ({ now }) => escalateSilentInstallers(db, now));

  // With Nordsäk now, and within its time: a new tenant's key fob.
  await ago(0.5, async (now) =>
    must(
      await openSupportCase(
        db,
        kalle!,
        {
          category: "DAILY_OPERATION",
          propertyId: await propertyId("Kv. Masthugget 4"),
          subject: "Nyckelbricka till ny hyresgäst",
          description: "Lägenhet 1102 får ny hyresgäst den 1:a och behöver två brickor till port och tvättstuga.",
          severity: "QUESTION",
        },
        now,
        limits,
      ),
      "case",
    ),
  );

  // Fresh technical question to the vendor, with an internal note.
  const door = await ago(2, async (now) =>
    must(
      await openSupportCase(
        db,
        kalle!,
        {
          category: "TECHNICAL",
          propertyId: await propertyId("Kv. Majorna 12"),
          subject: "Porten i trapphus B låser inte",
          description: 'Sedan i morse går porten inte i lås efter att den stängts. Displayen visar "Dörr öppen".',
        },
        now,
        limits,
      ),
      "case",
    ),
  );
  await ago(1, async (now) =>
    must(
      await replyToSupportCase(
        db,
        tomas!,
        {
          caseId: door.id,
          body: "Samma centralenhet byttes 2024; kolla firmware innan vi skickar tekniker.",
          internal: true,
        },
        now,
        limits,
      ),
      "note",
    ),
  );

  // Waiting on the customer: Låsteknik asked Älvstranden for a list of apartments.
  const waiting = await ago(30, async (now) =>
    must(
      await openSupportCase(
        db,
        eva!,
        {
          category: "DAILY_OPERATION",
          propertyId: await propertyId("Eriksberg Kaj"),
          subject: "Spärra taggar vid avflytt",
          description: "Hur spärrar vi taggar för lägenheter som flyttat ut?",
        },
        now,
        limits,
      ),
      "case",
    ),
  );
  await ago(26, async (now) =>
    must(
      await replyToSupportCase(
        db,
        lars!,
        { caseId: waiting.id, body: "Skicka gärna en lista över lägenheterna så spärrar vi taggarna åt er." },
        now,
        limits,
      ),
      "reply",
    ),
  );
  await ago(25.9, async (now) =>
    must(await setSupportCaseStatus(db, lars!, { caseId: waiting.id, status: "WAITING_ON_CUSTOMER" }, now), "waiting"),
  );

  // Resolved billing question.
  const invoice = await ago(120, async (now) =>
    must(
      await openSupportCase(
        db,
        bo!,
        {
          category: "BILLING",
          subject: "Fråga om fakturan för hosting",
          description: "Fakturan för oktober tar upp hosting, men vi har inte beställt det.",
        },
        now,
        limits,
      ),
      "case",
    ),
  );
  await ago(118, async (now) =>
    must(
      await replyToSupportCase(
        db,
        tomas!,
        { caseId: invoice.id, body: "Det var ett fel hos oss; en kreditfaktura är skickad." },
        now,
        limits,
      ),
      "reply",
    ),
  );
  await ago(117.9, async (now) =>
    must(await setSupportCaseStatus(db, tomas!, { caseId: invoice.id, status: "RESOLVED" }, now), "resolved"),
  );

  // Overdue, no agreement and no installer: goes to the vendor.
  await ago(200, async (now) =>
    must(
      await openSupportCase(
        db,
        britt!,
        {
          category: "PROGRAMMING",
          subject: "Lägga till ny port",
          description: "Vi har satt in en ny port mot gården och vill koppla den till systemet.",
        },
        now,
        limits,
      ),
      "case",
    ),
  );
}
