/** The visit page's forms for staff: move the booked visit, or cancel it. */
export const BOOKING_INTENTS = ["move", "cancel"] as const;
export type BookingIntent = (typeof BOOKING_INTENTS)[number];
