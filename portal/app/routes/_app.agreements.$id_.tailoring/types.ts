import type { TailoringPageQuery } from "~/graphql/graphql";
import type { TailoringResult } from "./intents";

export type PageAgreement = NonNullable<TailoringPageQuery["agreement"]>;
export type PageTailoring = NonNullable<PageAgreement["tailoring"]>;
export type PagePlan = NonNullable<PageTailoring["actionPlan"]>;
export type PageItem = PagePlan["items"][number];
export type PageReview = NonNullable<PageTailoring["systemReview"]>;

/** What every section of the page gets. */
export interface SectionProps {
  agreement: PageAgreement;
  today: string;
  /** The action's answer, when the last form sent was on this page. */
  result: TailoringResult | undefined;
}
