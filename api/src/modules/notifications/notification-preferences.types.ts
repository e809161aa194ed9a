import { ArrayMaxSize } from "class-validator";
import { Field, InputType, ObjectType } from "type-graphql";
import { notificationTopic } from "../../db/schema/index.js";
import { graphqlEnum } from "../../shared/enums.js";
import { UserError } from "../../shared/errors.js";
import { NOTIFICATION_TOPICS } from "./notification-topics.js";

export const NotificationTopic = graphqlEnum(notificationTopic.enumValues, {
  name: "NotificationTopic",
  description: "An e-mail a user may choose not to get.",
  valuesConfig: Object.fromEntries(
    notificationTopic.enumValues.map((t) => [t, { description: NOTIFICATION_TOPICS[t].description }]),
  ) as Record<(typeof notificationTopic.enumValues)[number], { description: string }>,
});
export type NotificationTopic = keyof typeof NotificationTopic;

@ObjectType({ description: "Whether the caller gets one kind of e-mail." })
export class NotificationPreference {
  @Field(() => NotificationTopic, { description: "Which e-mail." })
  topic!: NotificationTopic;

  @Field(() => Boolean, { description: "True (the default) when it is sent to the caller." })
  enabled!: boolean;
}

@InputType({ description: "One topic turned on or off." })
export class NotificationPreferenceInput {
  @Field(() => NotificationTopic, { description: "Which e-mail; one of the caller's `notificationPreferences`." })
  topic!: NotificationTopic;

  @Field(() => Boolean, { description: "Send it (true) or not (false)." })
  enabled!: boolean;
}

@InputType({ description: "The caller's own e-mail choices; topics left out keep their setting." })
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { description: "Topics to turn on or off, each at most once." })
  @ArrayMaxSize(50)
  preferences!: NotificationPreferenceInput[];
}

@ObjectType({ description: "Result of `updateNotificationPreferences`." })
export class UpdateNotificationPreferencesPayload {
  @Field(() => [NotificationPreference], {
    nullable: true,
    description: "Every topic of the caller after the change; null when userErrors is not empty.",
  })
  notificationPreferences!: NotificationPreference[] | null;

  @Field(() => [UserError], {
    description: "TOPIC_NOT_AVAILABLE, DUPLICATE_TOPIC; empty on success. When not empty, nothing was written.",
  })
  userErrors!: UserError[];
}
