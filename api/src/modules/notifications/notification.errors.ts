/** userError codes of notification preferences. */
export const NotificationErrors = {
  /** The topic is not one the caller's role is ever mailed about, so there is nothing to choose. */
  TOPIC_NOT_AVAILABLE: "TOPIC_NOT_AVAILABLE",
  /** The same topic twice in one update. */
  DUPLICATE_TOPIC: "DUPLICATE_TOPIC",
} as const;
