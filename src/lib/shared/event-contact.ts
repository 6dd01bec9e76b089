/**
 * The organizers' contact for an event (a group name, an email), the one home of its fields, its
 * rules and its merge. A host may give it so national organizers can follow up on an event that
 * has not reported. It is private: it goes to the server in a sync request and in the device's
 * backup file, and nowhere else: never in the co-host link, a participant QR, a report by QR or
 * the sync's answer. Code that copies details (stampedDetailsOf) leaves it out by construction.
 *
 * It is a last-writer-wins register of its own, apart from the details, so a co-host device,
 * which never has the contact, can edit the details without wiping it. Its stamp is
 * (updatedAt, the device that sent it), ordered like the details' stamp.
 */
import { byCodeUnits } from './domain';
import { EMAIL_MAX, isEmail } from './email';
import {
	compareDetailsStamps,
	hasControlCharacter,
	isStamp,
	normalizeText,
	problemMessage
} from './event-details';

export const CONTACT_FIELDS = ['groupName', 'email'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What a person types; both may be empty (no contact, or a contact cleared). */
export type ContactFields = Record<ContactField, string>;

export interface EventContact extends ContactFields {
	/** Milliseconds since the epoch of the last edit of the contact, apart from the details'. */
	updatedAt: number;
}

/** The contact with the device its stamp names: the device that sent it to the server. */
export interface StampedEventContact extends EventContact {
	updatedBy: string;
}

/** In UTF-16 code units (what `maxlength` counts); 254 is the longest address SMTP carries. */
export const CONTACT_LIMITS: Readonly<Record<ContactField, number>> = {
	groupName: 200,
	email: EMAIL_MAX
};

export const NO_CONTACT: ContactFields = { groupName: '', email: '' };

export type ContactProblem = 'not_text' | 'control_character' | 'too_long' | 'bad_email';

/** What is wrong with one field's value, judged after trimming; forms map these to words. */
export function contactProblem(field: ContactField, value: unknown): ContactProblem | null {
	if (typeof value !== 'string') return 'not_text';
	// On the raw value: trimming must not hide a tab or a line break sent on the wire.
	if (hasControlCharacter(value)) return 'control_character';
	const trimmed = value.trim();
	if (trimmed.length > CONTACT_LIMITS[field]) return 'too_long';
	if (field === 'email' && trimmed !== '' && !isEmail(trimmed)) return 'bad_email';
	return null;
}

/** How a form tidies typed values before checking them: the details' rule for the name. */
export const normalizeContact = (fields: ContactFields): ContactFields => ({
	groupName: normalizeText(fields.groupName),
	email: fields.email.trim()
});

/** The details' wording for the rules both share, so a rule reads the same wherever it broke. */
const message = (field: ContactField, problem: ContactProblem): string =>
	problem === 'bad_email'
		? `${field} must be empty or an address with one @, a local part and a domain with a dot`
		: problemMessage(field, problem, CONTACT_LIMITS[field]);

/** The field a refusal names: the two fields by name, the stamp apart from the details' own. */
export type ContactErrorField = ContactField | 'contactUpdatedAt';

export type ContactParse =
	{ ok: true; value: EventContact } | { ok: false; field: ContactErrorField; message: string };

/**
 * Checks a contact object (a sync body's `contact`) and copies exactly its fields, trimmed.
 * `where` prefixes the message ("contact.email …").
 */
export function parseEventContact(input: Record<string, unknown>, where: string): ContactParse {
	for (const field of CONTACT_FIELDS) {
		const problem = contactProblem(field, input[field]);
		if (problem) return { ok: false, field, message: `${where}.${message(field, problem)}` };
	}
	if (!isStamp(input.updatedAt)) {
		const rule = problemMessage('updatedAt', 'bad_stamp');
		return { ok: false, field: 'contactUpdatedAt', message: `${where}.${rule}` };
	}
	return {
		ok: true,
		value: {
			groupName: (input.groupName as string).trim(),
			email: (input.email as string).trim(),
			updatedAt: input.updatedAt
		}
	};
}

/** Exactly the contact's fields and stamp, from a row or a snapshot. */
export function eventContactOf(source: EventContact): EventContact {
	const { groupName, email, updatedAt } = source;
	return { groupName, email, updatedAt };
}

export const sameContactFields = (a: ContactFields, b: ContactFields): boolean =>
	a.groupName === b.groupName && a.email === b.email;

/**
 * Last writer wins by (updatedAt, updatedBy); the server and the device's backup import use
 * this one function. Equal stamps with different contents are decided by the content, so the
 * choice stays commutative, as for the details.
 */
export function pickLatestContact(
	a: StampedEventContact,
	b: StampedEventContact
): StampedEventContact {
	const byStamp = compareDetailsStamps(a, b);
	if (byStamp !== 0) return byStamp > 0 ? a : b;
	for (const field of CONTACT_FIELDS) {
		const byField = byCodeUnits(a[field], b[field]);
		if (byField !== 0) return byField > 0 ? a : b;
	}
	return a;
}
