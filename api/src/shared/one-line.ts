import { ValidateBy, type ValidationOptions } from "class-validator";

// CR and LF, and the Unicode line and paragraph separators that some readers also break on. The
// text rule (text-rule.ts) already refuses every other control character.
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Names and addresses are one line. They go into one-line places: an e-mail header, a CSV cell,
 * the LOCATION of a visit's .ics (issue 18: `Gatan 1\rATTENDEE:…` added an attendee of its own).
 * Free text (notes, descriptions) may break lines; a name may not, so it is refused where it
 * enters, as BAD_USER_INPUT naming the field, beside the field's length in its input class.
 */
export function OneLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "oneLine",
      validator: {
        validate: (value: unknown) => typeof value !== "string" || !LINE_BREAK.test(value),
        defaultMessage: (args) => `${args?.property ?? "The value"} must be one line, without line breaks`,
      },
    },
    options,
  );
}
