import type { TypedDocumentString } from "./graphql/graphql.js";

/** A GraphQL error from Trygg: `code` is its `extensions.code`; quote `requestId` to support. */
class TryggError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly requestId: string | undefined,
  ) {
    super(code ? `${code}: ${message}${requestId ? ` (request ${requestId})` : ""}` : message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; requestId?: string } }[];
  extensions?: { requestId?: string };
}

/**
 * One typed GraphQL call with plain fetch: the document carries its result and variable types,
 * so `data` is checked by the compiler against the schema.
 */
export async function request<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<TResult> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const [error] = body.errors ?? [];
  if (error)
    throw new TryggError(
      error.message,
      error.extensions?.code,
      error.extensions?.requestId ?? body.extensions?.requestId,
    );
  if (!response.ok || !body.data)
    throw new TryggError(`HTTP ${response.status} without data`, undefined, body.extensions?.requestId);
  return body.data;
}

/** A mutation's userErrors as an exception: for a script, any broken rule means stop. */
export function throwOnUserErrors(what: string, userErrors: readonly { code: string; message: string }[]): void {
  const [first] = userErrors;
  if (first) throw new TryggError(`${what}: ${first.message}`, first.code, undefined);
}
