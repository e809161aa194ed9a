import { randomUUID } from "node:crypto";
import {
  ApolloClient,
  HttpLink,
  InMemoryCache,
  isApolloError,
  type OperationVariables,
  type TypedDocumentNode,
} from "@apollo/client/core";
import { data } from "@remix-run/node";
import type { GraphQLFormattedError } from "graphql";
import { portalEnv } from "./env.server";
import { getSession, redirectToLogin, sessionLang, type PortalSession } from "./session.server";

/** What a page's error boundary gets when the API could not answer; never internals. */
interface ApiFailure {
  code: "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "API_UNAVAILABLE" | "API_ERROR" | "TOO_MANY_REQUESTS";
  requestId: string;
  /** With TOO_MANY_REQUESTS: how long the API asks to wait. */
  retryAfterSeconds?: number;
}

/** The API turned a throttled call away (HTTP 429): the caller may show the wait instead of an error page. */
export class TooManyRequests extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s.`);
  }
}

/** What every call to the API carries: the user's token, the request id, and who is asking. */
function apiHeaders(
  token: string | undefined,
  requestId: string,
  clientAddress: string | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    // Apollo Server's CSRF prevention accepts a request that carries this header.
    "apollo-require-preflight": "true",
    "x-request-id": requestId,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  // Set by portal/server.mjs from the socket, so the API can slow down failed log-ins per person.
  if (clientAddress) headers["x-forwarded-for"] = clientAddress;
  return headers;
}

/**
 * One client for every request of this process. Nothing of a user's stays in it: every call is
 * `no-cache` (its cache is never written), each call carries its own request's headers, and identical
 * queries in flight at once are each sent (`queryDeduplication: false`; deduplicated, a second user
 * would get the first one's answer). A client per request built its query manager's and cache's
 * document transforms anew each time: about a tenth of a page render's CPU (docs/performance.md).
 */
let shared: ApolloClient<unknown> | undefined;
function apiClient(): ApolloClient<unknown> {
  shared ??= new ApolloClient({
    ssrMode: true,
    link: new HttpLink({ uri: portalEnv().TRYGG_API_URL, fetch }),
    cache: new InMemoryCache(),
    queryDeduplication: false,
    defaultOptions: {
      query: { fetchPolicy: "no-cache" },
      mutate: { fetchPolicy: "no-cache" },
      watchQuery: { fetchPolicy: "no-cache" },
    },
  });
  return shared;
}

function errorCode(error: GraphQLFormattedError): unknown {
  return error.extensions?.code;
}

/**
 * The GraphQL errors of a failed call. A request the API rejects before running it (a variable
 * its scalars refuse, e.g. an invalid e-mail address: BAD_USER_INPUT) answers HTTP 400 with the
 * errors in the body, which Apollo reports as a network error; they are read from there too.
 */
function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (!(error instanceof Error) || !isApolloError(error)) return [];
  if (error.graphQLErrors.length > 0) return error.graphQLErrors;
  const result = error.networkError && "result" in error.networkError ? error.networkError.result : undefined;
  const errors = typeof result === "object" && result !== null && "errors" in result ? result.errors : undefined;
  return Array.isArray(errors) ? (errors as GraphQLFormattedError[]) : [];
}

export interface Api {
  query<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
  mutate<TData, TVariables extends OperationVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
  /**
   * A file the API serves beside /graphql (a URL the API gave, relative to its origin), as the
   * user. The answer is the API's own, its body not yet read, to be streamed on; a file the user may
   * not see is a thrown 404.
   */
  download(url: string): Promise<Response>;
}

export interface ApiContext {
  api: Api;
  session: PortalSession;
  lang: ReturnType<typeof sessionLang>;
}

/**
 * The API as the logged-in user, for one request of a loader or action. Without a token, or when
 * the API says the session has ended (UNAUTHENTICATED), it sends the user to /login instead.
 * Other failures become a thrown response for the page's error boundary.
 */
export async function apiFor(request: Request, options: { requireLogin?: boolean } = {}): Promise<ApiContext> {
  const session = await getSession(request);
  const lang = sessionLang(session);
  const token = session.get("token");
  const url = new URL(request.url);
  const here = request.method === "GET" ? `${url.pathname}${url.search}` : undefined;
  if (!token && options.requireLogin !== false) return redirectToLogin(session, here);

  const requestId = randomUUID();
  const headers = apiHeaders(token, requestId, request.headers.get("x-trygg-client-address"));
  const client = apiClient();
  const context = { headers };

  async function run<T>(call: () => Promise<{ data?: T | null }>): Promise<T> {
    try {
      const result = await call();
      if (result.data == null) throw new Error("The API answered without data.");
      return result.data;
    } catch (error) {
      if (error instanceof Response) throw error;
      const codes = graphQLErrorsOf(error).map(errorCode);
      if (codes.includes("UNAUTHENTICATED")) return redirectToLogin(session, here);
      const throttled = graphQLErrorsOf(error).find((e) => errorCode(e) === "TOO_MANY_REQUESTS");
      if (throttled) throw new TooManyRequests(Math.max(1, Number(throttled.extensions?.retryAfterSeconds) || 60));
      let failure: ApiFailure["code"] = "API_ERROR";
      let status = 500;
      if (codes.includes("FORBIDDEN")) [failure, status] = ["FORBIDDEN", 403];
      else if (codes.includes("BAD_USER_INPUT")) [failure, status] = ["BAD_REQUEST", 400];
      else if (error instanceof Error && isApolloError(error) && error.networkError)
        [failure, status] = ["API_UNAVAILABLE", 503];
      console.error(`[portal] API call failed (request ${requestId}):`, error instanceof Error ? error.message : error);
      throw data<ApiFailure>({ code: failure, requestId }, { status });
    }
  }

  function failure(code: ApiFailure["code"], status: number, why: string): never {
    console.error(`[portal] API download failed (request ${requestId}): ${why}`);
    throw data<ApiFailure>({ code, requestId }, { status });
  }

  async function download(url: string): Promise<Response> {
    let res: Response;
    try {
      // Only the API's own origin: a URL that names another host is not followed with the user's token.
      const target = new URL(url, portalEnv().TRYGG_API_URL);
      if (target.origin !== new URL(portalEnv().TRYGG_API_URL).origin)
        return failure("API_ERROR", 500, `not the API's origin: ${target.origin}`);
      res = await fetch(target, { headers, redirect: "error" });
    } catch (error) {
      if (error instanceof Response) throw error;
      return failure("API_UNAVAILABLE", 503, error instanceof Error ? error.message : String(error));
    }
    if (res.ok) return res;
    await res.body?.cancel();
    if (res.status === 401) return redirectToLogin(session, here);
    if (res.status === 404) throw new Response("Not found", { status: 404 });
    if (res.status === 429) throw new TooManyRequests(Math.max(1, Number(res.headers.get("retry-after")) || 60));
    return failure(
      res.status === 503 ? "API_UNAVAILABLE" : "API_ERROR",
      res.status === 503 ? 503 : 500,
      `HTTP ${res.status}`,
    );
  }

  const api: Api = {
    query: (document, variables) => run(() => client.query({ query: document, variables, context })),
    mutate: (document, variables) => run(() => client.mutate({ mutation: document, variables, context })),
    download,
  };
  return { api, session, lang };
}
