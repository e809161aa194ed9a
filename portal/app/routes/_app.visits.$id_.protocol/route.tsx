import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ErrorPanel } from "~/components/error-panel";
import { CompleteServiceVisitFromFormDocument, RecordVisitCheckFromFormDocument, VisitProtocolFormDocument, type CheckResult, type VisitCheckKind } from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visitForm.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const data = await api.query(VisitProtocolFormDocument, { id: params.id ?? "" });
  const visit = data.node && "checks" in data.node ? data.node : null;
  if (!visit) throw new Response("Not found", { status: 404 });
  return { visit };
}

const RESULTS: CheckResult[] = ["OK", "NEEDS_ACTION", "NOT_APPLICABLE"];

/** Records every check, then completes the visit with the signature drawn on the pad (if any). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await apiFor(request);
  const form = await request.formData();
  const visitId = params.id ?? "";
  const errors: string[] = [];
  for (const kind of form.getAll("kind").map(String) as VisitCheckKind[]) {
    const result = String(form.get(`result-${kind}`) ?? "") as CheckResult;
    if (!RESULTS.includes(result)) continue;
    const size = String(form.get(`size-${kind}`) ?? "").replace(",", ".").trim();
    const r = await api.mutate(RecordVisitCheckFromFormDocument, {
      input: { visitId, kind, result, note: String(form.get(`note-${kind}`) ?? ""), databaseSizeMb: kind === "DATABASE_SIZE" && size ? Number(size) : null },
    });
    errors.push(...r.recordVisitCheck.userErrors.map((e) => e.message));
  }
  if (errors.length === 0 && form.get("intent") === "complete") {
    const image = String(form.get("signature") ?? "");
    const name = String(form.get("signedByName") ?? "").trim();
    const r = await api.mutate(CompleteServiceVisitFromFormDocument, { input: { visitId, signature: image && name ? { signedByName: name, imageDataUrl: image } : null } });
    errors.push(...r.completeServiceVisit.userErrors.map((e) => e.message));
    if (errors.length === 0) return redirect(`/visits/${encodeURIComponent(visitId)}`);
  }
  return { errors, saved: errors.length === 0 };
}

/** A signature pad: draw with finger or pen; the PNG goes with the form. */
function SignaturePad({ label, clearLabel }: { label: string; clearLabel: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState("");
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    let drawing = false;
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [((e.clientX - r.left) * c.width) / r.width, ((e.clientY - r.top) * c.height) / r.height] as const;
    };
    const down = (e: PointerEvent) => {
      drawing = true;
      c.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(...at(e));
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      ctx.lineTo(...at(e));
      ctx.stroke();
    };
    const up = () => {
      if (!drawing) return;
      drawing = false;
      setData(c.toDataURL("image/png"));
    };
    c.addEventListener("pointerdown", down);
    c.addEventListener("pointermove", move);
    c.addEventListener("pointerup", up);
    c.addEventListener("pointerleave", up);
    return () => {
      c.removeEventListener("pointerdown", down);
      c.removeEventListener("pointermove", move);
      c.removeEventListener("pointerup", up);
      c.removeEventListener("pointerleave", up);
    };
  }, []);
  const clear = () => {
    const c = canvas.current;
    c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
    setData("");
  };
  return (
    <div className="signature-pad">
      <p id="signature-label">{label}</p>
      <canvas ref={canvas} width={600} height={200} aria-labelledby="signature-label" data-testid="signature-pad" style={{ width: "100%", maxWidth: 600, height: 200, border: "2px solid #94a3b8", borderRadius: 8, background: "#fff", touchAction: "none" }} />
      <input type="hidden" name="signature" value={data} />
      <button type="button" className="button button-secondary" onClick={clear} style={{ minHeight: 48 }}>
        {clearLabel}
      </button>
    </div>
  );
}

/**
 * The technician's protocol form on a tablet: large targets, one column at 768 px, and what was
 * typed kept in localStorage, so a dropped connection and a reload lose nothing.
 */
export default function VisitProtocolFormPage() {
  const t = useT();
  const lang = useLang();
  const { visit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useRef<HTMLFormElement>(null);
  const key = `trygg-visit-form-${visit.id}`;

  useEffect(() => {
    const f = form.current;
    if (!f) return;
    const saved = JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, string>;
    for (const [name, value] of Object.entries(saved)) {
      const fields = f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
      fields.forEach((el) => {
        if (el instanceof HTMLInputElement && el.type === "radio") el.checked = el.value === value;
        else el.value = value;
      });
    }
    const keep = () => {
      const values: Record<string, string> = {};
      new FormData(f).forEach((v, k) => {
        if (k !== "signature" && k !== "kind" && typeof v === "string") values[k] = v;
      });
      localStorage.setItem(key, JSON.stringify(values));
    };
    f.addEventListener("input", keep);
    f.addEventListener("change", keep);
    return () => {
      f.removeEventListener("input", keep);
      f.removeEventListener("change", keep);
    };
  }, [key]);
  useEffect(() => {
    if (result?.saved) localStorage.removeItem(key);
  }, [result, key]);

  if (visit.completedAt) return <p>{t("visitForm.completed")}</p>;
  return (
    <>
      <div className="page-heading">
        <h1>{t("visitForm.title")}</h1>
        <p className="muted">
          {visit.agreement.number} · {visit.agreement.customer.name} · {visit.property.name} · {visit.visitedOn}
        </p>
      </div>
      {result?.errors.length ? (
        <div className="alert alert-error" role="alert">
          {result.errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : result?.saved ? (
        <p className="alert" role="status">{t("visitForm.saved")}</p>
      ) : null}
      <Form method="post" ref={form} className="visit-form" style={{ maxWidth: 720 }}>
        {visit.checks.map((c) => (
          <fieldset key={c.kind} style={{ marginBottom: 24, padding: 16 }}>
            <legend style={{ fontSize: "1.15rem", fontWeight: 600 }}>{lang === "en" ? c.titleEn : c.titleSv}</legend>
            <input type="hidden" name="kind" value={c.kind} />
            <div role="radiogroup" style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
              {RESULTS.map((r) => (
                <label key={r} style={{ display: "inline-flex", alignItems: "center", gap: 8, minHeight: 48, padding: "0 16px", border: "1px solid #cbd5e1", borderRadius: 8 }}>
                  <input type="radio" name={`result-${c.kind}`} value={r} defaultChecked={c.result === r} style={{ width: 24, height: 24 }} />
                  {t(`visit.result.${r}`)}
                </label>
              ))}
            </div>
            {c.kind === "HARDWARE_AND_VERSIONS" ? (
              <ul className="small">
                {visit.hardwarePrefill.map((v) => (
                  <li key={v.product}>
                    {v.product}: {v.installed ?? "–"} / {v.latest ?? "–"} {v.outdated ? `(${t("visitForm.outdated")})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {c.kind === "DATABASE_SIZE" ? (
              <label style={{ display: "block", marginTop: 12 }}>
                {t("visitForm.sizeMb")}
                <input name={`size-${c.kind}`} inputMode="decimal" defaultValue={c.databaseSizeMb ?? ""} style={{ display: "block", minHeight: 48, fontSize: "1.1rem", width: "100%", maxWidth: 240 }} />
              </label>
            ) : null}
            <label style={{ display: "block", marginTop: 12 }}>
              {t("visit.note")}
              <textarea name={`note-${c.kind}`} defaultValue={c.note} rows={3} style={{ display: "block", width: "100%", fontSize: "1.05rem" }} />
            </label>
          </fieldset>
        ))}
        <fieldset style={{ marginBottom: 24, padding: 16 }}>
          <legend style={{ fontSize: "1.15rem", fontWeight: 600 }}>{t("visit.signature")}</legend>
          <label style={{ display: "block", marginBottom: 12 }}>
            {t("visitForm.signerName")}
            <input name="signedByName" autoComplete="off" style={{ display: "block", minHeight: 48, fontSize: "1.1rem", width: "100%" }} />
          </label>
          <SignaturePad label={t("visitForm.signHere")} clearLabel={t("visitForm.clearSignature")} />
        </fieldset>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12 }}>
          <button type="submit" name="intent" value="save" className="button button-secondary" style={{ minHeight: 56, minWidth: 200 }}>
            {t("visitForm.save")}
          </button>
          <button type="submit" name="intent" value="complete" className="button" style={{ minHeight: 56, minWidth: 200 }}>
            {t("visitForm.complete")}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
