import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;

/** One agreement in a dashboard list: its number (linking to it) over a detail, and its state on the side. */
export function AgreementRow({ agreement, detail, children }: { agreement: { id: string; number: string }; detail: ReactNode; children?: ReactNode }) {
  return (
    <li data-agreement={agreement.number}>
      <div className="dash-list-main">
        <Link to={agreementPath(agreement.id)}>{agreement.number}</Link>
        <span className="muted">{detail}</span>
      </div>
      {children ? <div className="dash-list-side">{children}</div> : null}
    </li>
  );
}

/** One thing to do in a compact dashboard list: what (linking to where it is done) and where it belongs. */
export function LinkRow({ to, title, detail }: { to: string; title: ReactNode; detail: ReactNode }) {
  return (
    <li>
      <Link to={to}>{title}</Link>
      <span className="muted">{detail}</span>
    </li>
  );
}
