const MB = 1024 * 1024;

/**
 * The most of a request body the portal reads, for every form: the API's own cap (1 MB), which
 * none of the portal's text forms comes near. A visit protocol with its signature (a PNG of at most
 * 256 KB, about 350 KB once base64- and form-encoded) fits too. Remix reads a form whole into
 * memory, so without a cap any visitor could make the portal hold as much as they care to send.
 */
export const DEFAULT_BODY_LIMIT = 1 * MB;

/**
 * The support forms carry files. The API takes 700 KB of attachments per message (decision 27) and
 * 20,000 characters of text; above that the page itself says, in words, what is too big. Room for
 * a screenshot a few times too big lets it reach the page and be refused there, not with a bare 413.
 */
export const SUPPORT_FORM_BODY_LIMIT = 4 * MB;

/**
 * The support forms that carry files, as posted by a browser (`/support?index`) and by Remix's own fetch
 * (`/support.data`).
 */
const SUPPORT_FORMS = /^\/support(?:\/[^/]+)?(?:\.data)?$/;

/** How many bytes of body the portal reads for a request to this path; portal/server.mjs enforces it before Remix. */
export function bodyLimitFor(pathname: string): number {
  return SUPPORT_FORMS.test(pathname) ? SUPPORT_FORM_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}
