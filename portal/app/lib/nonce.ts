import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (made per request by portal/server.mjs), for
 * Remix's inline scripts. In the browser it is empty: browsers hide nonces from scripts, and the
 * scripts it guarded have run by then.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
