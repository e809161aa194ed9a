import { describe, expect, it } from "vitest";
import { onTabletAs, screenshot, expectNoSidewaysScroll } from "./support";

describe("the customer reads a visit protocol on a tablet", () => {
  const tablet = onTabletAs("hanna@hisingen.demo");

  it("finds the completed visits in the calendar, sees the checks, the size chart and the action item, downloads the PDF and acknowledges", async () => {
    const page = tablet();
    await page.goto("/visits?state=done");
    await page.getByRole("heading", { name: "Supportbesök", level: 1 }).waitFor();
    const done = page.getByTestId("visit-calendar").locator('tr[data-state="COMPLETED"]');
    expect(await done.count()).toBe(3);
    // Completed visits are listed newest first.
    await done.first().getByRole("link").click();
    await page.getByTestId("visit-checks").waitFor();
    expect(await page.getByTestId("visit-state").textContent()).toBe("Genomfört");
    expect(await page.getByTestId("visit-checks").textContent()).toContain("Kontroll av backuprutiner");
    expect(await page.getByTestId("size-change").textContent()).toContain("+780 MB");
    // The same chart component as in the PDF, drawn in the page: one point per visit.
    expect(await page.getByTestId("size-chart").locator("svg circle").count()).toBe(3);
    // Named once: by the page's heading above it, for the eye and for a screen reader; not again inside the picture.
    expect(await page.getByTestId("size-chart").locator("svg text").allTextContents()).not.toContain(
      "Databasens storlek över åren",
    );
    await page.getByRole("img", { name: "Databasens storlek över åren" }).waitFor();
    expect(await page.getByTestId("visit-action-items").textContent()).toContain("Utöka backupdisken på Stigberget");
    // Who owns the item and how far it is, in words: never the API's VENDOR or OPEN.
    expect(await page.getByTestId("visit-action-items").textContent()).toContain("· Aptus ·");
    expect(await page.getByTestId("visit-action-items").textContent()).not.toMatch(
      /\b(VENDOR|PARTNER|CUSTOMER|OPEN|IN_PROGRESS|DONE|DROPPED)\b/,
    );
    await expectNoSidewaysScroll(page);

    const href = await page.getByRole("link", { name: "Ladda ner protokollet (PDF)" }).getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.getByRole("button", { name: "Bekräfta protokollet" }).click();
    await page.getByTestId("acknowledged").waitFor();
    expect(await page.getByTestId("acknowledged").textContent()).toContain("Hanna Hisingen");
    await screenshot(page, "visit-protocol-tablet");
  });
});
