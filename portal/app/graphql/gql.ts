/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n      organisationNumber\n    }\n  }\n  properties(first: 0) {\n    totalCount\n  }\n  organisations(first: 0) {\n    totalCount\n  }\n}": typeof types.DashboardDocument,
    "query ApiTokens($first: Int, $after: String, $last: Int, $before: String) {\n  apiTokens(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      name\n      prefix\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}\n\nmutation RevokeApiToken($input: RevokeApiTokenInput!) {\n  revokeApiToken(input: $input) {\n    apiToken {\n      id\n      name\n      revokedAt\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}": typeof types.ApiTokensDocument,
    "query Organisations($filter: OrganisationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  organisations(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        kind\n        organisationNumber\n        createdAt\n      }\n    }\n  }\n}": typeof types.OrganisationsDocument,
    "query Properties($filter: PropertyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  properties(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        streetAddress\n        postalCode\n        city\n        apartments\n        customer {\n          id\n          name\n        }\n        installer {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.PropertiesDocument,
    "query AppViewer {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n}": typeof types.AppViewerDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    userErrors {\n      code\n      message\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout {\n    loggedOut\n  }\n}": typeof types.LogoutDocument,
};
const documents: Documents = {
    "query Dashboard {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n      organisationNumber\n    }\n  }\n  properties(first: 0) {\n    totalCount\n  }\n  organisations(first: 0) {\n    totalCount\n  }\n}": types.DashboardDocument,
    "query ApiTokens($first: Int, $after: String, $last: Int, $before: String) {\n  apiTokens(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      name\n      prefix\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}\n\nmutation RevokeApiToken($input: RevokeApiTokenInput!) {\n  revokeApiToken(input: $input) {\n    apiToken {\n      id\n      name\n      revokedAt\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}": types.ApiTokensDocument,
    "query Organisations($filter: OrganisationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  organisations(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        kind\n        organisationNumber\n        createdAt\n      }\n    }\n  }\n}": types.OrganisationsDocument,
    "query Properties($filter: PropertyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  properties(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        streetAddress\n        postalCode\n        city\n        apartments\n        customer {\n          id\n          name\n        }\n        installer {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.PropertiesDocument,
    "query AppViewer {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n}": types.AppViewerDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    userErrors {\n      code\n      message\n    }\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout {\n    loggedOut\n  }\n}": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n      organisationNumber\n    }\n  }\n  properties(first: 0) {\n    totalCount\n  }\n  organisations(first: 0) {\n    totalCount\n  }\n}"): (typeof documents)["query Dashboard {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n      organisationNumber\n    }\n  }\n  properties(first: 0) {\n    totalCount\n  }\n  organisations(first: 0) {\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiTokens($first: Int, $after: String, $last: Int, $before: String) {\n  apiTokens(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      name\n      prefix\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}\n\nmutation RevokeApiToken($input: RevokeApiTokenInput!) {\n  revokeApiToken(input: $input) {\n    apiToken {\n      id\n      name\n      revokedAt\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}"): (typeof documents)["query ApiTokens($first: Int, $after: String, $last: Int, $before: String) {\n  apiTokens(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        createdBy {\n          id\n          name\n        }\n      }\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      name\n      prefix\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}\n\nmutation RevokeApiToken($input: RevokeApiTokenInput!) {\n  revokeApiToken(input: $input) {\n    apiToken {\n      id\n      name\n      revokedAt\n    }\n    userErrors {\n      code\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Organisations($filter: OrganisationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  organisations(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        kind\n        organisationNumber\n        createdAt\n      }\n    }\n  }\n}"): (typeof documents)["query Organisations($filter: OrganisationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  organisations(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        kind\n        organisationNumber\n        createdAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Properties($filter: PropertyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  properties(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        streetAddress\n        postalCode\n        city\n        apartments\n        customer {\n          id\n          name\n        }\n        installer {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Properties($filter: PropertyFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  properties(\n    filter: $filter\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        streetAddress\n        postalCode\n        city\n        apartments\n        customer {\n          id\n          name\n        }\n        installer {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppViewer {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n}"): (typeof documents)["query AppViewer {\n  viewer {\n    user {\n      id\n      name\n      email\n      role\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    userErrors {\n      code\n      message\n    }\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    userErrors {\n      code\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout {\n    loggedOut\n  }\n}"): (typeof documents)["mutation Logout {\n  logout {\n    loggedOut\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;