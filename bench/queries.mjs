// The partner's nightly query, as each of the three servers spells it, and one shape to compare
// their answers in.
export const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 50);

/** Trygg: the partner's API token decides which agreements it sees. */
export const TRYGG_QUERY = `query PartnerAgreements($first: Int!) {
  agreements(first: $first) {
    totalCount
    edges { node {
      id number tier { code }
      customer { id name organisationNumber }
      properties { id name streetAddress city apartments }
      licenceRentals { id kind quantity monthlyPrice { amountMinor currency } startsOn endsOn endedOn }
    } }
  }
}`;

/** PostGraphile (amber preset, no auth): the partner is a condition, the order the agreement number. */
export const POSTGRAPHILE_QUERY = `query PartnerAgreements($first: Int!, $partner: UUID!) {
  allAgreements(first: $first, orderBy: NUMBER_ASC, condition: { partnerId: $partner }) {
    totalCount
    edges { node {
      id number tier
      organisationByCustomerId { id name organisationNumber }
      agreementPropertiesByAgreementId { nodes { propertyByPropertyId { id name streetAddress city apartments } } }
      licenceRentalsByAgreementId { nodes { id kind quantity monthlyPriceMinor currency startsOn endsOn endedOn } }
    } }
  }
}`;

const globalId = (type, column) =>
  `translate(encode(convert_to('${type}:' || ${column}, 'utf8'), 'base64'), '+/=', '-_')`;

/** The plain handler: one statement that builds Trygg's response body in PostgreSQL. */
export const PLAIN_SQL = `with page as (
  select a.*, (select max(p.ends_on) from agreement_periods p where p.agreement_id = a.id) as last_end
  from agreements a where a.partner_id = $1
  order by last_end, a.number limit $2
)
select json_build_object('data', json_build_object('agreements', json_build_object(
  'totalCount', (select count(*) from agreements where partner_id = $1),
  'edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', ${globalId("Agreement", "pg.id")}, 'number', pg.number, 'tier', json_build_object('code', pg.tier),
    'customer', (select json_build_object('id', ${globalId("Organisation", "o.id")}, 'name', o.name, 'organisationNumber', o.organisation_number) from organisations o where o.id = pg.customer_id),
    'properties', (select coalesce(json_agg(json_build_object('id', ${globalId("Property", "pr.id")}, 'name', pr.name, 'streetAddress', pr.street_address, 'city', pr.city, 'apartments', pr.apartments) order by pr.name), '[]')
      from agreement_properties ap join properties pr on pr.id = ap.property_id where ap.agreement_id = pg.id),
    'licenceRentals', (select coalesce(json_agg(json_build_object('id', ${globalId("LicenceRental", "r.id")}, 'kind', r.kind, 'quantity', r.quantity,
        'monthlyPrice', json_build_object('amountMinor', r.monthly_price_minor, 'currency', r.currency), 'startsOn', r.starts_on, 'endsOn', r.ends_on, 'endedOn', r.ended_on)
        order by r.starts_on desc, r.kind), '[]')
      from licence_rentals r where r.agreement_id = pg.id)
  )) order by pg.last_end, pg.number), '[]')
)))::text as body
from page pg`;

const rental = (r) => [r.kind, r.quantity, r.amountMinor, r.currency, r.startsOn, r.endsOn, r.endedOn ?? ""].join("|");
const property = (p) => [p.name, p.streetAddress, p.city, p.apartments].join("|");

/** One comparable shape: ids differ between servers by design, and lists are compared as sets. */
function canonical(totalCount, agreements) {
  return {
    totalCount,
    agreements: agreements.map((a) => ({
      number: a.number,
      tier: a.tier,
      customer: `${a.customer.name}|${a.customer.organisationNumber}`,
      properties: a.properties.map(property).sort(),
      rentals: a.rentals.map(rental).sort(),
    })),
  };
}

/** Trygg's and the plain handler's bodies have the same shape. */
export function fromTrygg(body) {
  const c = body.data.agreements;
  return canonical(
    Number(c.totalCount),
    c.edges.map(({ node: a }) => ({
      number: a.number,
      tier: a.tier.code,
      customer: a.customer,
      properties: a.properties,
      rentals: a.licenceRentals.map((r) => ({
        ...r,
        amountMinor: r.monthlyPrice.amountMinor,
        currency: r.monthlyPrice.currency,
      })),
    })),
  );
}

export function fromPostgraphile(body) {
  const c = body.data.allAgreements;
  return canonical(
    Number(c.totalCount),
    c.edges.map(({ node: a }) => ({
      number: a.number,
      tier: a.tier,
      customer: a.organisationByCustomerId,
      properties: a.agreementPropertiesByAgreementId.nodes.map((n) => n.propertyByPropertyId),
      rentals: a.licenceRentalsByAgreementId.nodes.map((r) => ({ ...r, amountMinor: r.monthlyPriceMinor })),
    })),
  );
}
