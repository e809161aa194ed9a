/** The visit page's forms for staff: move the booked visit, offer the customer new times for it, or cancel it. */
export const BOOKING_INTENTS = ["move", "propose", "cancel"] as const;
export type BookingIntent = (typeof BOOKING_INTENTS)[number];
