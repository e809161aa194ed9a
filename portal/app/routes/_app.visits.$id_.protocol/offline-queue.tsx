import { useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useT } from "~/i18n/use-t";

/** How often a queued save is tried again where the browser's "online" event does not come (a flaky Wi-Fi). */
const RETRY_MS = 15_000;

/**
 * A save pressed without a connection (a tablet in a basement) is kept in localStorage, not lost to an error page,
 * and sent as soon as the browser is online again: on its "online" event, on the next page load, or at the next
 * retry. It is sent as the form would have been, with the version the form was read at, so a save queued while
 * another device saved is refused as stale (shown in words) rather than written over the newer protocol.
 */
export function useOfflineQueue(key: string) {
  const submit = useSubmit();
  const [queued, setQueued] = useState(false);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      if (navigator.onLine) return;
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
      const entries = [...new FormData(event.currentTarget, submitter).entries()].filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      );
      localStorage.setItem(key, JSON.stringify(entries));
      setQueued(true);
    },
    [key],
  );

  useEffect(() => {
    const send = () => {
      const kept = localStorage.getItem(key);
      if (!kept || !navigator.onLine) return;
      localStorage.removeItem(key);
      setQueued(false);
      const data = new FormData();
      for (const [name, value] of JSON.parse(kept) as [string, string][]) data.append(name, value);
      submit(data, { method: "post", preventScrollReset: true });
    };
    setQueued(localStorage.getItem(key) !== null);
    send();
    window.addEventListener("online", send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener("online", send);
      window.clearInterval(timer);
    };
  }, [key, submit]);

  return { queued, onSubmit };
}

/** Says that the save is kept on the tablet and goes when the connection is back. */
export function QueuedNotice({ queued }: { queued: boolean }) {
  const t = useT();
  if (!queued) return null;
  return (
    <p className="alert alert-warning" role="status" data-testid="save-queued">
      {t("visitForm.queued")}
    </p>
  );
}
