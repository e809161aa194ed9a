/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Derived from activation, periods and termination every time it is read; never stale. */
export type AgreementStatus =
  /** Valid, and not ending within the expiring window. */
  | 'ACTIVE'
  /** Created, not yet activated. */
  | 'DRAFT'
  /** The last period has ended without renewal. */
  | 'EXPIRED'
  /** Valid, but ends within the expiring window (default 60 days): time to renew. */
  | 'EXPIRING'
  /** Ended early on a termination date. */
  | 'TERMINATED';

/** Create an API token for the caller's organisation. */
export type CreateApiTokenInput = {
  /** When the token stops working: in the future and at most 366 days away (INVALID_EXPIRY otherwise). Leave it out for a token that works until revoked. */
  expiresAt?: string | null | undefined;
  /** Where the token will be used, e.g. "Our CRM integration" (1–100 characters, one line). */
  name: string;
  /** Limit the token to these scopes (`apiTokenScopes` lists them; every `:read` one makes a read-only token). A field outside them answers FORBIDDEN with `extensions.missingScope`. Leave it out for full access. INVALID_SCOPE for an unknown or empty list; SCOPE_NOT_HELD when a limited token asks for more than it holds. */
  scopes?: Array<string> | null | undefined;
};

/** Licences a customer may rent during the agreement period instead of buying. */
export type LicenceKind =
  /** Booking licences (Bokning). */
  | 'BOOKING'
  /** Consumption metering licences (Förbrukning). */
  | 'CONSUMPTION'
  /** Hantera licences; each adds one Hantera account to the quota. */
  | 'HANTERA';

/** Log in with e-mail and password. */
export type LoginInput = {
  /** The user's e-mail address. */
  email: string;
  /** The user's password. */
  password: string;
};

/** What a user may do. Vendor roles: ADMIN, SELLER, SUPPORT; partner: PARTNER_*; customer: CUSTOMER_*. */
export type Role =
  /** Vendor administrator: sees and manages everything. */
  | 'ADMIN'
  /** Customer administrator: manages Hantera accounts, rentals and the action plan. */
  | 'CUSTOMER_ADMIN'
  /** Customer member: reads only. */
  | 'CUSTOMER_MEMBER'
  /** Partner administrator: manages the partner's users and API tokens. */
  | 'PARTNER_ADMIN'
  /** Partner staff: reads and acts on the partner's customers. */
  | 'PARTNER_STAFF'
  /** Vendor seller: runs agreements and the tailoring workflow. */
  | 'SELLER'
  /** Vendor support technician: answers cases and performs annual visits. */
  | 'SUPPORT';

/** The two support agreements. */
export type TierCode =
  /** BRF: for small housing cooperatives and private landlords. */
  | 'BRF'
  /** 500+: for large property owners with many apartments. */
  | 'PLUS_500';

export type LogInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LogInMutation = { login: { token: string | null, expiresAt: string | null, viewer: { user: { name: string, role: Role }, organisation: { name: string } } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { secret: string | null, apiToken: { id: string, prefix: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type AgreementsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  updatedSince?: string | null | undefined;
}>;


export type AgreementsPageQuery = { agreements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: AgreementStatus, startsOn: string, endsOn: string, tier: { code: TierCode }, customer: { id: string, name: string, organisationNumber: string }, partner: { id: string, name: string } | null, properties: Array<{ id: string, name: string, streetAddress: string, postalCode: string, city: string, apartments: number }>, licenceRentals: Array<{ id: string, kind: LicenceKind, quantity: number, startsOn: string, endsOn: string, active: boolean, monthlyPrice: { amountMinor: number, currency: string } }> } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    viewer {
      user {
        name
        role
      }
      organisation {
        name
      }
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    secret
    apiToken {
      id
      prefix
    }
    userErrors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const AgreementsPageDocument = new TypedDocumentString(`
    query AgreementsPage($first: Int!, $after: String, $updatedSince: DateTime) {
  agreements(first: $first, after: $after, filter: {updatedSince: $updatedSince}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        number
        status
        tier {
          code
        }
        startsOn
        endsOn
        customer {
          id
          name
          organisationNumber
        }
        partner {
          id
          name
        }
        properties {
          id
          name
          streetAddress
          postalCode
          city
          apartments
        }
        licenceRentals {
          id
          kind
          quantity
          monthlyPrice {
            amountMinor
            currency
          }
          startsOn
          endsOn
          active
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgreementsPageQuery, AgreementsPageQueryVariables>;