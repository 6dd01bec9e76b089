/** Email addresses, checked the same way wherever a person types one. */

export const EMAIL_MAX = 254;

/**
 * One `@`, something before it, a domain with a dot and no empty label, no spaces or control
 * characters. Deliberately loose: the only real check of an address is mail reaching it; this
 * catches typing slips. Used by the event's contact and by organizer accounts alike.
 */
const EMAIL = /^[^@\s\p{Cc}]+@[^@\s.\p{Cc}]+(?:\.[^@\s.\p{Cc}]+)+$/u;

export function isEmail(value: string): boolean {
	return value.length <= EMAIL_MAX && EMAIL.test(value);
}

/** How an address is stored and compared: trimmed, lower-case. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();
