import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n/i18n";
import { secureCookie, sessionSecrets } from "./env.server";

interface SessionData {
  /** The API session token from `login`; sent as `Authorization: Bearer`. */
  token: string;
  lang: Lang;
}

const storage = createCookieSessionStorage<SessionData>({
  cookie: {
    name: "trygg_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookie(),
    secrets: sessionSecrets(),
  },
});

export type PortalSession = Awaited<ReturnType<typeof storage.getSession>>;

export function getSession(request: Request): Promise<PortalSession> {
  return storage.getSession(request.headers.get("Cookie"));
}

export const commitSession = storage.commitSession;

export function sessionLang(session: PortalSession): Lang {
  const lang = session.get("lang");
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/**
 * Forgets the API token but keeps the chosen language, so the login page that follows speaks it.
 * Used after log-out and when the API says the session has ended.
 */
export async function redirectToLogin(session: PortalSession, redirectTo?: string): Promise<never> {
  session.unset("token");
  const query = redirectTo && redirectTo !== "/" ? `?${new URLSearchParams({ redirectTo })}` : "";
  throw redirect(`/login${query}`, { headers: { "Set-Cookie": await commitSession(session) } });
}

/** Only same-site paths: an open redirect would let a link send a user to any site after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
