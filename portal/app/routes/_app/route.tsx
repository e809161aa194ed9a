import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { Brand } from "~/components/brand";
import { HeaderSearch } from "~/components/header-search";
import { LanguageSwitch } from "~/components/language-switch";
import { MainMenu } from "~/components/main-menu";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { viewerOf } from "~/lib/viewer.server";
import { menuFor } from "~/lib/navigation";
import { redirectToLogin } from "~/lib/session.server";

/** Every logged-in page sits in this layout; it checks the session with the API on each load. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
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
          <HeaderSearch />
          <div className="topbar-user">
            <div className="user-card" aria-label={t("header.user")}>
              <Link to="/account" className="user-name" title={t("header.account")}>
                {viewer.user.name}
              </Link>
              {/* Organisation and role on lines of their own: on one, a long name left the search 55 px. */}
              <span className="user-meta">{viewer.organisation.name}</span>
              <span className="user-meta">{t(`role.${viewer.user.role}`)}</span>
            </div>
            <LanguageSwitch />
            <Form method="post" action="/logout">
              <SubmitButton action="/logout" busyLabel={t("header.loggingOut")} className="button button-ghost">
                {t("header.logout")}
              </SubmitButton>
            </Form>
          </div>
        </div>
        <MainMenu entries={menuFor(viewer.sections)} />
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
