/** The longest tape record (CSV row or JSON line) read: a tape row is a few hundred bytes. */
export const MAX_RECORD_BYTES = 64 * 1024;
