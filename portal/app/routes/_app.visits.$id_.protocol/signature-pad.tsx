import { useEffect, useRef, useState, type ReactNode } from "react";

/** A signature pad: draw with finger or pen; the PNG goes with the form. */
export function SignaturePad({ label, clearLabel, error }: { label: string; clearLabel: string; error: ReactNode }) {
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
      <canvas
        ref={canvas}
        width={600}
        height={200}
        aria-labelledby="signature-label"
        data-testid="signature-pad"
        style={{
          width: "100%",
          maxWidth: 600,
          height: 200,
          border: "2px solid #94a3b8",
          borderRadius: 8,
          background: "#fff",
          touchAction: "none",
        }}
      />
      <input type="hidden" name="signature" value={data} />
      {error}
      <button type="button" className="button button-secondary" onClick={clear} style={{ minHeight: 48 }}>
        {clearLabel}
      </button>
    </div>
  );
}
