/** Email addresses, checked the same way wherever a person types one. */

export const EMAIL_MAX = 254;

/** One @, something before it, a dotted domain after it, no spaces or control characters. The
 * only real check of an address is mail reaching it; this catches typing slips. */
export function isEmail(value: string): boolean {
	if (value.length > EMAIL_MAX) return false;
	return /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(value);
}

/** How an address is stored and compared: trimmed, lower-case. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();
