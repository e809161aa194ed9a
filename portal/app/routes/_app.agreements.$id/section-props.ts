import type { AgreementPageQuery } from "~/graphql/graphql";

export type AgreementData = NonNullable<AgreementPageQuery["agreement"]>;
export type PriceList = AgreementPageQuery["priceList"];

export interface SectionProps {
  agreement: AgreementData;
  today: string;
  /** Today's list prices, shown beside the order forms. */
  priceList: PriceList;
}
