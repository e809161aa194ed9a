import { validateOrReject, type ValidationError, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

// type-graphql's built-in validation runs `await import("class-validator")` for every argument of
// every request; this is the same check with the module imported once. A failure names the field and
// the rule but carries neither the input object nor the value: both would go back to the caller and
// into the logs, a password beside a name that was too long among them.
const OPTIONS: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

const isInputObject = (value: unknown): value is object => value !== null && typeof value === "object";

/** class-validator's decorators on input classes, checked before the resolver runs. */
export const validateArgument: ValidatorFn = async (value) => {
  if (!isInputObject(value)) return;
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter(isInputObject).map((item) => validateOrReject(item, OPTIONS)));
    else await validateOrReject(value, OPTIONS);
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
};
