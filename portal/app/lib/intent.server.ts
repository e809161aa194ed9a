/**
 * The intent a form posted, when it is one of the page's. Anything else is the client's mistake and
 * answers 400: falling back to a default intent would run a mutation nobody asked for.
 */
export function intentOf<Intent extends string>(form: FormData, intents: readonly Intent[]): Intent {
  const value = form.get("intent");
  const intent = intents.find((known) => known === value);
  if (intent === undefined) throw new Response("Unknown form intent", { status: 400 });
  return intent;
}
