import type { tiers } from "../../db/schema/index.js";
import type { IsoDate } from "../../shared/dates.js";
import { addOnIsActive, newestAddOnsFirst } from "./add-ons.js";
import type {
  AddOnRow,
  AgreementRecord,
  HanteraAccountRow,
  LicenceKind,
  LicenceRentalRow,
} from "./agreement-records.js";
import { isValid } from "./agreement-status.js";
import type { AgreementLoaders } from "./agreement.loaders.js";
import { quotaFrom } from "./hantera-quota.js";
import { newestRentalsFirst, rentalIsActive } from "./licence-rentals.js";

export const LAPSED_BENEFITS = [
  "ANNUAL_VISIT",
  "HANTERA_ACCOUNTS",
  "LICENCE_RENTAL",
  "HOSTING",
  "MONITORING",
  "LATEST_VERSIONS",
] as const;
type LapsedBenefit = (typeof LAPSED_BENEFITS)[number];

export interface LapseItem {
  benefit: LapsedBenefit;
  description: string;
  quantity: number | null;
  licenceKind: LicenceKind | null;
}

/** What the preview is made from: the agreement's tier and parts, as the loaders hold them. */
interface AgreementParts {
  tier: typeof tiers.$inferSelect | undefined;
  rentals: readonly LicenceRentalRow[];
  accounts: readonly HanteraAccountRow[];
  addOns: readonly AddOnRow[];
}

/**
 * Item by item, what the customer loses if the agreement is not renewed by its end; nothing once it gives no benefits.
 */
function lapsePreview(agreement: AgreementRecord, parts: AgreementParts, today: IsoDate): LapseItem[] {
  if (!isValid(agreement.status)) return [];
  const { tier } = parts;
  const items: LapseItem[] = [];
  const item = (
    benefit: LapsedBenefit,
    description: string,
    quantity: number | null = null,
    licenceKind: LicenceKind | null = null,
  ) => items.push({ benefit, description, quantity, licenceKind });
  if (tier?.annualVisit) item("ANNUAL_VISIT", "The annual on-site support visit with its protocol.");
  const q = quotaFrom(tier, parts.rentals, parts.accounts, today);
  if (q.used > 0)
    item(
      "HANTERA_ACCOUNTS",
      `${q.used} Hantera account(s) in use lose their agreement (${q.included} included in the tier).`,
      q.used,
    );
  for (const r of parts.rentals) {
    if (rentalIsActive(r, today) && !r.endedOn)
      item("LICENCE_RENTAL", `${r.quantity} rented ${r.kind.toLowerCase()} licence(s).`, r.quantity, r.kind);
  }
  for (const a of parts.addOns) {
    if (addOnIsActive(a, agreement, today))
      item(
        a.kind,
        a.kind === "HOSTING" ? `Aptus Hosting of ${a.hostedServices.join(", ")}.` : "24/7 system monitoring.",
      );
  }
  if (tier?.latestVersions)
    item("LATEST_VERSIONS", "Updates to the latest versions of Multi-access, Hantera and Aptusportal.");
  return items;
}

/** The preview of a listed agreement, from what the request's loaders already hold. */
export async function loadLapsePreview(
  loaders: AgreementLoaders,
  agreement: AgreementRecord,
  today: IsoDate,
): Promise<LapseItem[]> {
  if (!isValid(agreement.status)) return [];
  const [allTiers, rentals, accounts, addOns] = await Promise.all([
    loaders.tiers(),
    loaders.licenceRentals.load(agreement.id),
    loaders.hanteraAccounts.load(agreement.id),
    loaders.addOns.load(agreement.id),
  ]);
  const tier = allTiers.find((t) => t.code === agreement.tier);
  return lapsePreview(
    agreement,
    { tier, rentals: newestRentalsFirst(rentals), accounts, addOns: newestAddOnsFirst(addOns) },
    today,
  );
}
