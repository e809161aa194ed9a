import { IntentButton, IntentForm } from "~/components/intent-form";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { swedishWallClock } from "~/lib/dates";

/**
 * Staff's three changes to a booked visit: a new time (with a reason the customer reads), new times for the customer
 * to choose from (decision 0093; the booking stands until they answer), or a cancellation (reason required). Each
 * asks before sending, since each mails the customer (and a move or cancellation changes the calendars' event).
 */
export function BookingControls({ scheduledAt, version }: { scheduledAt: string; version: number }) {
  const t = useT();
  const lang = useLang();
  const when = formatDateTime(lang, scheduledAt);
  return (
    <section className="section visit-booking" aria-labelledby="booking-title" data-testid="visit-booking-controls">
      <h2 id="booking-title">{t("visitBooking.title")}</h2>
      <div className="visit-booking-controls">
        <IntentForm
          intent="move"
          fields={["scheduledAt", "reason"]}
          className="card stack"
          aria-label={t("visitBooking.move")}
          confirm={t("visitBooking.moveConfirm", { when })}
          hidden={{ expectedVersion: String(version) }}
        >
          {(f) => (
            <>
              <h3>{t("visitBooking.move")}</h3>
              <p className="muted small">{t("visitBooking.moveHint")}</p>
              <label htmlFor={f.props("scheduledAt").id}>{t("visitBooking.newTime")}</label>
              <input
                type="datetime-local"
                key={scheduledAt}
                required
                defaultValue={f.value("scheduledAt", swedishWallClock(new Date(scheduledAt)))}
                {...f.props("scheduledAt")}
              />
              {f.error("scheduledAt")}
              <label htmlFor={f.props("reason").id}>{t("visitBooking.moveReason")}</label>
              <input type="text" maxLength={1000} defaultValue={f.value("reason")} {...f.props("reason")} />
              {f.error("reason")}
              <IntentButton intent="move" busy={t("visitBooking.moving")}>
                {t("visitBooking.moveSubmit")}
              </IntentButton>
            </>
          )}
        </IntentForm>
        <IntentForm
          intent="propose"
          fields={["time1", "time2", "time3", "note"]}
          className="card stack"
          aria-label={t("visitBooking.propose")}
          confirm={t("visitBooking.proposeConfirm", { when })}
          hidden={{ expectedVersion: String(version) }}
        >
          {(f) => (
            <>
              <h3>{t("visitBooking.propose")}</h3>
              <p className="muted small">{t("visitBooking.proposeHint")}</p>
              {(["time1", "time2", "time3"] as const).map((name, i) => (
                <div key={name} className="stack">
                  <label htmlFor={f.props(name).id}>{t("visitBooking.proposeTime", { n: i + 1 })}</label>
                  <input type="datetime-local" required={i === 0} defaultValue={f.value(name)} {...f.props(name)} />
                  {f.error(name)}
                </div>
              ))}
              <label htmlFor={f.props("note").id}>{t("visitBooking.proposeNote")}</label>
              <input type="text" maxLength={1000} defaultValue={f.value("note")} {...f.props("note")} />
              {f.error("note")}
              <IntentButton intent="propose" busy={t("visitBooking.proposing")}>
                {t("visitBooking.proposeSubmit")}
              </IntentButton>
            </>
          )}
        </IntentForm>
        <IntentForm
          intent="cancel"
          fields={["reason"]}
          className="card stack"
          aria-label={t("visitBooking.cancel")}
          confirm={t("visitBooking.cancelConfirm", { when })}
          hidden={{ expectedVersion: String(version) }}
        >
          {(f) => (
            <>
              <h3>{t("visitBooking.cancel")}</h3>
              <p className="muted small">{t("visitBooking.cancelHint")}</p>
              <label htmlFor={f.props("reason").id}>{t("visitBooking.cancelReason")}</label>
              <textarea rows={3} maxLength={500} required defaultValue={f.value("reason")} {...f.props("reason")} />
              {f.error("reason")}
              <IntentButton intent="cancel" busy={t("visitBooking.cancelling")} className="button button-danger">
                {t("visitBooking.cancelSubmit")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </div>
    </section>
  );
}
