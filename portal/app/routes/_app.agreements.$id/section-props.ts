import type { AgreementPageQuery, Role } from "~/graphql/graphql";

export type AgreementData = NonNullable<AgreementPageQuery["agreement"]>;

export interface SectionProps {
  agreement: AgreementData;
  role: Role;
  today: string;
}
