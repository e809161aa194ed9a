import { createCookie, createSession, redirect, type Session } from "@remix-run/node";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n/i18n";
import { portalEnv } from "./env.server";
import { seal, unseal } from "./sealed-cookie.server";

interface SessionData {
  /** The API session token from `login`; sent as `Authorization: Bearer`. */
  token: string;
  lang: Lang;
}

export type PortalSession = Session<SessionData, SessionData>;

// Not signed by Remix: the sealed content carries its own authentication tag (AES-GCM).
const cookie = createCookie("trygg_session", { httpOnly: true, sameSite: "lax", path: "/" });

/** Whether the request a session came with arrived over HTTPS, for the cookie's Secure flag. */
const overHttps = new WeakMap<PortalSession, boolean>();

/** Remix's own cookie storage starts sessions from partial data too: every `get` may be undefined. */
function sessionData(json: string | undefined): SessionData {
  return parsed(json) as SessionData;
}

function parsed(json: string | undefined): Partial<SessionData> {
  if (json === undefined) return {};
  try {
    const data: unknown = JSON.parse(json);
    return typeof data === "object" && data !== null ? (data as Partial<SessionData>) : {};
  } catch {
    return {};
  }
}

export async function getSession(request: Request): Promise<PortalSession> {
  const sealed: unknown = await cookie.parse(request.headers.get("Cookie"));
  const session = createSession<SessionData, SessionData>(
    sessionData(typeof sealed === "string" ? unseal(portalEnv().SESSION_SECRET, sealed) : undefined),
  );
  // request.url says https: when the browser came over TLS, directly or through a trusted proxy
  // (X-Forwarded-Proto, believed per PORTAL_TRUST_PROXY in server.mjs).
  overHttps.set(session, new URL(request.url).protocol === "https:");
  return session;
}

export function commitSession(session: PortalSession): Promise<string> {
  return cookie.serialize(seal(portalEnv().SESSION_SECRET, JSON.stringify(session.data)), {
    secure: overHttps.get(session) ?? false,
  });
}

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

const HERE = "http://portal.invalid";

/**
 * Only paths of the portal itself: an open redirect would let a link send a user to any site after
 * log-in. The target is parsed as a browser would (tabs and newlines dropped, backslashes as
 * slashes), so "/\t/evil.example" is seen as the "//evil.example" it becomes.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // What the browser will follow must be what was checked: a path that still starts with two slashes stays out.
  return path.startsWith("//") ? fallback : path;
}
