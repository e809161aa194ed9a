/* eslint-disable */
import * as types from './graphql';



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
    "mutation LogIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      user {\n        name\n        role\n      }\n      organisation {\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      prefix\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nquery AgreementsPage($first: Int!, $after: String, $updatedSince: DateTime) {\n  agreements(first: $first, after: $after, filter: {updatedSince: $updatedSince}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        number\n        status\n        tier {\n          code\n        }\n        startsOn\n        endsOn\n        customer {\n          id\n          name\n          organisationNumber\n        }\n        partner {\n          id\n          name\n        }\n        properties {\n          id\n          name\n          streetAddress\n          postalCode\n          city\n          apartments\n        }\n        licenceRentals {\n          id\n          kind\n          quantity\n          monthlyPrice {\n            amountMinor\n            currency\n          }\n          startsOn\n          endsOn\n          active\n        }\n      }\n    }\n  }\n}": typeof types.LogInDocument,
};
const documents: Documents = {
    "mutation LogIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      user {\n        name\n        role\n      }\n      organisation {\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      prefix\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nquery AgreementsPage($first: Int!, $after: String, $updatedSince: DateTime) {\n  agreements(first: $first, after: $after, filter: {updatedSince: $updatedSince}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        number\n        status\n        tier {\n          code\n        }\n        startsOn\n        endsOn\n        customer {\n          id\n          name\n          organisationNumber\n        }\n        partner {\n          id\n          name\n        }\n        properties {\n          id\n          name\n          streetAddress\n          postalCode\n          city\n          apartments\n        }\n        licenceRentals {\n          id\n          kind\n          quantity\n          monthlyPrice {\n            amountMinor\n            currency\n          }\n          startsOn\n          endsOn\n          active\n        }\n      }\n    }\n  }\n}": types.LogInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      user {\n        name\n        role\n      }\n      organisation {\n        name\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nmutation CreateApiToken($input: CreateApiTokenInput!) {\n  createApiToken(input: $input) {\n    secret\n    apiToken {\n      id\n      prefix\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}\n\nquery AgreementsPage($first: Int!, $after: String, $updatedSince: DateTime) {\n  agreements(first: $first, after: $after, filter: {updatedSince: $updatedSince}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        number\n        status\n        tier {\n          code\n        }\n        startsOn\n        endsOn\n        customer {\n          id\n          name\n          organisationNumber\n        }\n        partner {\n          id\n          name\n        }\n        properties {\n          id\n          name\n          streetAddress\n          postalCode\n          city\n          apartments\n        }\n        licenceRentals {\n          id\n          kind\n          quantity\n          monthlyPrice {\n            amountMinor\n            currency\n          }\n          startsOn\n          endsOn\n          active\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').LogInDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
