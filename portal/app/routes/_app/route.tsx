import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Brand } from "~/components/brand";
import { LanguageSwitch } from "~/components/language-switch";
import { SubmitButton } from "~/components/submit-button";
import { AppViewerDocument } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { navItemsFor } from "~/lib/navigation";
import { redirectToLogin } from "~/lib/session.server";

/** Every logged-in page sits in this layout; it checks the session with the API on each load. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const { viewer } = await api.query(AppViewerDocument, {});
  if (!viewer) {
    const url = new URL(request.url);
    return redirectToLogin(session, `${url.pathname}${url.search}`);
  }
  return { viewer };
}

export default function AppLayout() {
  const t = useT();
  const { viewer } = useLoaderData<typeof loader>();
  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <Brand />
          <div className="topbar-user">
            <div className="user-card" aria-label={t("header.user")}>
              <span className="user-name">{viewer.user.name}</span>
              <span className="user-meta">
                {viewer.organisation.name} · {t(`role.${viewer.user.role}`)}
              </span>
            </div>
            <LanguageSwitch />
            <Form method="post" action="/logout">
              <SubmitButton action="/logout" busyLabel={t("header.loggingOut")} className="button button-ghost">
                {t("header.logout")}
              </SubmitButton>
            </Form>
          </div>
        </div>
        <nav className="mainnav" aria-label={t("nav.label")}>
          <ul className="mainnav-inner">
            {navItemsFor(viewer.sections).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          {t("app.name")} · {t("app.tagline")}
        </p>
      </footer>
    </div>
  );
}
