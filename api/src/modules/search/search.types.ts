import { Field, Float, ID, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../shared/enums.js";
import { toGlobalId, type NodeTypeName } from "../../shared/ids.js";
import { OrganisationKind } from "../parties/index.js";
import { SEARCH_HIT_KINDS, type SearchHit, type SearchHitKind } from "./search.service.js";

const SearchResultKind = graphqlEnum(SEARCH_HIT_KINDS, {
  name: "SearchResultKind",
  description: "What a search result is; tells a client which page to link to.",
  valuesConfig: {
    AGREEMENT: { description: "An agreement, found by its number or its customer's name." },
    ORGANISATION: { description: "A customer, partner or the vendor, found by name or organisation number." },
    PROPERTY: { description: "A property, found by name or address." },
  },
});

const NODE_TYPE: Record<SearchHitKind, NodeTypeName> = {
  AGREEMENT: "Agreement",
  ORGANISATION: "Organisation",
  PROPERTY: "Property",
};

@ObjectType({ description: "One thing a search found: enough to show it in a list and link to it." })
export class SearchResult {
  @Field(() => SearchResultKind, { description: "What was found." })
  kind!: SearchHitKind;

  @Field(() => ID, { description: "Global id of the thing found; `node(id)` fetches it." })
  nodeId!: string;

  @Field(() => String, {
    description: "What to show first: the agreement number, the organisation's or the property's name.",
  })
  title!: string;

  @Field(() => String, {
    description: "What tells it apart: the agreement's customer, the organisation number, the property's address.",
  })
  subtitle!: string;

  @Field(() => OrganisationKind, {
    nullable: true,
    description: "For an organisation: customer, partner or vendor. Null for other kinds.",
  })
  organisationKind!: OrganisationKind | null;

  @Field(() => Float, { description: "How well it matches, 0 to 1; results come best first." })
  score!: number;

  static from(hit: SearchHit): SearchResult {
    return Object.assign(new SearchResult(), {
      kind: hit.kind,
      nodeId: toGlobalId(NODE_TYPE[hit.kind], hit.id),
      title: hit.title,
      subtitle: hit.subtitle,
      organisationKind: hit.organisationKind as OrganisationKind | null,
      score: Math.round(hit.score * 1000) / 1000,
    });
  }
}
