import { apiAs, swedishDay } from "./support";

/**
 * Maja's company (Majvik) is the renewal journeys' customer: no other journey picks its agreement from a list,
 * so the fresh agreements made here disturb none.
 */
export const CUSTOMER_ADMIN = "maja@majvik.demo";
export const SELLER = "sara.saljare@aptus.demo";

/**
 * A fresh PLUS_500 agreement of Maja's company on the properties of its active one, from today to `endsInDays`
 * ahead, activated by the seller. Returns it with both callers, for the journey's own set-up.
 */
export async function freshMajvikAgreement(endsInDays: number) {
  const seller = await apiAs(SELLER);
  const maja = await apiAs(CUSTOMER_ADMIN);
  type List = { agreements: { edges: { node: { customer: { id: string }; properties: { id: string }[] } }[] } };
  const list = await maja<List>(
    `{ agreements(first: 1, filter: { status: [ACTIVE] }) { edges { node { customer { id } properties { id } } } } }`,
  );
  const { customer, properties } = list.agreements.edges[0]!.node;
  type Created = { createAgreement: { agreement: { id: string; number: string } } };
  const { createAgreement } = await seller<Created>(
    `mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { agreement { id number } } }`,
    {
      i: {
        customerId: customer.id,
        tier: "PLUS_500",
        propertyIds: properties.map((p) => p.id),
        startsOn: swedishDay(),
        endsOn: swedishDay(endsInDays),
      },
    },
  );
  const agreement = createAgreement.agreement;
  await seller(`mutation($i: ActivateAgreementInput!) { activateAgreement(input: $i) { userErrors { code } } }`, {
    i: { agreementId: agreement.id },
  });
  return { agreement, seller, maja };
}
