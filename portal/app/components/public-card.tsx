import type { ReactNode } from "react";
import { Brand } from "~/components/brand";
import { LanguageSwitch } from "~/components/language-switch";

/** The frame of the pages reached without a log-in (log-in, reset, invitation): one card, centred. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="login-page">
      <header className="login-header">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <section className="card login-card" aria-labelledby="public-title">
          <h1 id="public-title">{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
}
