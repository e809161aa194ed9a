import { describe, expect, it } from "vitest";
import { onTabletAs, screenshot, expectNoSidewaysScroll } from "./support";

describe("the technician fills in a visit protocol on a tablet and the customer's contact signs", () => {
  const tablet = onTabletAs("tomas.tekniker@aptus.demo");

  it("keeps typed text across a reload, then completes with a drawn signature", async () => {
    const page = tablet();
    await page.goto("/visits?state=overdue");
    const overdue = page
      .getByTestId("visit-calendar")
      .locator('tr[data-state="OVERDUE"]')
      .filter({ hasText: "Eriksberg Kaj" });
    await overdue.first().getByRole("link").click();
    await page.getByRole("link", { name: "Fyll i protokollet" }).click();
    await page.getByRole("heading", { name: "Besöksprotokoll", level: 1 }).waitFor();
    await page.locator("[data-draft-kept]").waitFor();

    await page
      .getByRole("group", { name: "Genomgång av databasen" })
      .getByLabel("Anteckning")
      .fill("Loggarna ser bra ut, två varningar.");
    // The connection drops and the page is reloaded: nothing typed is lost.
    await page.reload();
    // The draft is put back once the page's script runs, as a technician sees it a moment after the page.
    await page.locator("[data-draft-kept]").waitFor();
    expect(
      await page.getByRole("group", { name: "Genomgång av databasen" }).getByLabel("Anteckning").inputValue(),
    ).toBe("Loggarna ser bra ut, två varningar.");

    for (const title of [
      "Genomgång av databasen",
      "Genomgång av rutiner",
      "Kontroll av hårdvara och programversioner",
      "Kontroll av backuprutiner",
      "Databasens storlek och förändring",
    ]) {
      await page.getByRole("group", { name: title }).getByLabel("OK").check();
    }
    await page.getByLabel("Storlek i MB").fill("1830");
    await page.getByLabel("Namn på den som signerar").fill("Eva Ekström");
    const pad = page.getByTestId("signature-pad");
    // The pad is below the fold at 768×1024: mouse events only reach what is in view.
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 120);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + 120 - Math.sin(i) * 40);
    await page.mouse.up();
    await expectNoSidewaysScroll(page);
    await screenshot(page, "visit-form-tablet");
    await page.getByRole("button", { name: "Avsluta besöket" }).click();

    await page.getByTestId("visit-state").waitFor();
    expect(await page.getByTestId("visit-state").textContent()).toBe("Genomfört");
    await page.getByText("Signerat av Eva Ekström").waitFor();
    expect(await page.getByTestId("size-chart").locator("svg circle").count()).toBe(1);
  });
});
