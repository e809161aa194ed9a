import type { Role, TailoringPageQuery } from "~/graphql/graphql";
import type { TailoringResult } from "./intents";

export type PageAgreement = NonNullable<TailoringPageQuery["agreement"]>;
export type PageTailoring = NonNullable<PageAgreement["tailoring"]>;
export type PagePlan = NonNullable<PageTailoring["actionPlan"]>;
export type PageItem = PagePlan["items"][number];
export type PageReview = NonNullable<PageTailoring["systemReview"]>;

/** What every section of the page gets. */
export interface SectionProps {
  agreement: PageAgreement;
  role: Role;
  today: string;
  /** The action's answer, when the last form sent was on this page. */
  result: TailoringResult | undefined;
}

/** The result when it concerns this form (and this row), else undefined. */
export function resultFor(result: TailoringResult | undefined, intent: TailoringResult["intent"], target?: string): TailoringResult | undefined {
  if (!result || result.intent !== intent) return undefined;
  if (target !== undefined && result.target !== target) return undefined;
  return result;
}

/** A value the user typed before an error, for a field's defaultValue. */
export function typed(result: TailoringResult | undefined, name: string): string | undefined {
  const value = result && !result.ok ? result.values[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
}
