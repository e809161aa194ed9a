import type { AgreementPageQuery } from "~/graphql/graphql";

export type AgreementData = NonNullable<AgreementPageQuery["agreement"]>;

export interface SectionProps {
  agreement: AgreementData;
  today: string;
}
