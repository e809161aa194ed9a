import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { Brand } from "~/components/brand";
import { BusyIndicator } from "~/components/busy-indicator";
import { ErrorPanel } from "~/components/error-panel";
import { LanguageSwitch } from "~/components/language-switch";
import { useLang, useT } from "~/i18n/use-t";
import { useNonce } from "~/lib/nonce";
import { getSession, sessionLang } from "~/lib/session.server";
import stylesUrl from "~/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * Every page is about the logged-in user's organisation: never stored by a shared cache. Routes
 * without their own `headers` inherit this; the security headers come from portal/server.mjs.
 */
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
});

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  return { lang: sessionLang(session) };
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const t = useT();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        <BusyIndicator />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The last resort: a page of its own, since the layout that failed may be the logged-in one. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  return (
    <>
      <title>{`${t("error.title")} – ${t("app.name")}`}</title>
      <header className="topbar">
        <div className="topbar-inner">
          <Brand />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="page page-narrow">
        <ErrorPanel error={error} />
      </main>
    </>
  );
}
