import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;

/** One agreement in a dashboard list: its number (linking to it) over a detail, and its state on the side. */
export function AgreementRow({
  agreement,
  detail,
  children,
}: {
  agreement: { id: string; number: string };
  detail: ReactNode;
  children?: ReactNode;
}) {
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

/** A dashboard's list of agreements: each row's detail under its number, its state on the side. */
export function AgreementList<A extends { id: string; number: string }>({
  agreements,
  detail,
  side,
}: {
  agreements: readonly A[];
  detail: (a: A) => ReactNode;
  side: (a: A) => ReactNode;
}) {
  return (
    <ul className="dash-list">
      {agreements.map((a) => (
        <AgreementRow key={a.id} agreement={a} detail={detail(a)}>
          {side(a)}
        </AgreementRow>
      ))}
    </ul>
  );
}
