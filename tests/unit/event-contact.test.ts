/**
 * The organizers' contact: its rules (event-contact.ts), the same at the form and on the sync
 * wire, and its last-writer-wins order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import {
	CONTACT_LIMITS,
	parseEventContact,
	pickLatestContact,
	type StampedEventContact
} from '$lib/shared/event-contact';
import { randomId } from '$lib/shared/ids';
import { parseCounterSnapshot } from '$lib/shared/sync-wire';
import { validateNewEvent, type NewEventForm } from '../../src/routes/(host)/event/event-form';

const contact = { groupName: 'Amnesty Halifax group 42', email: 'w4r@example.org', updatedAt: 5 };
const parse = (changes: Record<string, unknown>) =>
	parseEventContact({ ...contact, ...changes }, 'contact');

const form: NewEventForm = {
	name: 'Letters at the library',
	venue: 'Main branch',
	city: 'Halifax',
	province: 'NS',
	date: '2026-12-10',
	expected: '',
	lang: 'en',
	groupName: '',
	email: ''
};

const GOOD_EMAILS = [
	'w4r@example.org',
	'first.last+w4r@mail.example.ca',
	'o’brien@amnistie.ca',
	'écrire@exemple.québec',
	// 254 characters: the limit.
	`${'l'.repeat(64)}@${'d'.repeat(186)}.ca`
];

const BAD_EMAILS = [
	'w4r.example.org',
	'@example.org',
	'w4r@',
	'w4r@example',
	'w4r@@example.org',
	'w4r@host@example.org',
	'w 4r@example.org',
	'w4r@exam ple.org',
	'w4r@example\u00a0org.ca',
	'w4r@.example.org',
	'w4r@example.org.',
	'w4r@example..org',
	// 255 characters: one past the limit.
	`${'l'.repeat(64)}@${'d'.repeat(187)}.ca`
];

describe('parseEventContact', () => {
	it('takes a good contact, trimmed, and copies exactly its fields', () => {
		expect(
			parseEventContact(
				{ ...contact, groupName: '  Group 42 ', email: ' w4r@example.org\u0020', extra: 'x' },
				'contact'
			)
		).toEqual({
			ok: true,
			value: { groupName: 'Group 42', email: 'w4r@example.org', updatedAt: 5 }
		});
	});

	it('allows both fields empty: no group, no address, or a contact cleared', () => {
		expect(parse({ groupName: '', email: '' })).toEqual({
			ok: true,
			value: { groupName: '', email: '', updatedAt: 5 }
		});
		expect(parse({ groupName: '' }).ok).toBe(true);
		expect(parse({ email: '   ' })).toMatchObject({ ok: true, value: { email: '' } });
	});

	it('counts the group name in UTF-16 units: 200 pass, 201 fail', () => {
		expect(parse({ groupName: 'é'.repeat(CONTACT_LIMITS.groupName) }).ok).toBe(true);
		// An emoji is two units: 100 of them are 200 units.
		expect(parse({ groupName: '✉️'.repeat(50) + 'x'.repeat(100) }).ok).toBe(true);
		expect(parse({ groupName: '😀'.repeat(100) }).ok).toBe(true);
		expect(parse({ groupName: '😀'.repeat(100) + 'x' })).toEqual({
			ok: false,
			field: 'groupName',
			message: 'contact.groupName is longer than 200 characters'
		});
	});

	it('refuses control characters in either field, at the ends too', () => {
		for (const control of ['\u0000', '\u0007', '\t', '\n', '\u001b', '\u007f', '\u0085']) {
			expect(parse({ groupName: `Group${control}42` })).toMatchObject({
				ok: false,
				field: 'groupName'
			});
			expect(parse({ groupName: `Group 42${control}` })).toMatchObject({ field: 'groupName' });
			expect(parse({ email: `w4r@example.org${control}` })).toMatchObject({
				ok: false,
				field: 'email'
			});
		}
	});

	it('takes addresses of the usual shape', () => {
		for (const email of GOOD_EMAILS) expect(parse({ email }), email).toMatchObject({ ok: true });
	});

	it('refuses an address without one @, a local part and a dotted domain, or past 254', () => {
		for (const email of BAD_EMAILS) {
			expect(parse({ email }), email).toMatchObject({ ok: false, field: 'email' });
		}
	});

	it('names the stamp apart from the details’ own, and refuses what is not text', () => {
		expect(parse({ updatedAt: -1 })).toMatchObject({ ok: false, field: 'contactUpdatedAt' });
		expect(parse({ updatedAt: 1.5 })).toMatchObject({ ok: false, field: 'contactUpdatedAt' });
		expect(parse({ groupName: 42 })).toMatchObject({ ok: false, field: 'groupName' });
		expect(parse({ email: undefined })).toMatchObject({ ok: false, field: 'email' });
	});
});

describe('the sync wire and the contact', () => {
	const body = (extra: Record<string, unknown>) => ({
		format: SYNC_FORMAT_VERSION,
		deviceId: randomId(),
		event: { ...form, updatedAt: 1 },
		counters: [],
		...extra
	});
	const wire = (extra: Record<string, unknown>) => parseCounterSnapshot(body(extra), new Set());

	it('carries a contact when sent, and none when absent', () => {
		const sent = wire({ contact });
		expect(sent).toMatchObject({ ok: true, value: { contact } });
		const absent = wire({});
		expect(absent.ok && 'contact' in absent.value).toBe(false);
	});

	it('refuses a bad contact as bad_event naming its field, and a contact that is not an object', () => {
		expect(wire({ contact: { ...contact, email: 'nobody' } })).toMatchObject({
			ok: false,
			code: 'bad_event',
			field: 'email'
		});
		expect(wire({ contact: { ...contact, groupName: 'x'.repeat(201) } })).toMatchObject({
			code: 'bad_event',
			field: 'groupName'
		});
		expect(wire({ contact: null })).toMatchObject({ ok: false, code: 'bad_request' });
		expect(wire({ contact: 'w4r@example.org' })).toMatchObject({ code: 'bad_request' });
	});
});

describe('the form and the contact', () => {
	it('is optional: an empty contact is no error', () => {
		expect(validateNewEvent(form)).toMatchObject({
			ok: true,
			value: { contact: { groupName: '', email: '' } }
		});
	});

	it('tidies what was typed and hands back exactly the contact', () => {
		const result = validateNewEvent({
			...form,
			groupName: '  Group \t 42 ',
			email: ' w4r@example.org '
		});
		expect(result).toMatchObject({
			ok: true,
			value: { contact: { groupName: 'Group 42', email: 'w4r@example.org' } }
		});
	});

	it('shows each field’s problem under it', () => {
		expect(validateNewEvent({ ...form, email: 'w4r@example' })).toEqual({
			ok: false,
			errors: { email: 'emailInvalid' }
		});
		expect(validateNewEvent({ ...form, groupName: 'x'.repeat(201), email: 'a@b.c\u0007' })).toEqual(
			{ ok: false, errors: { groupName: 'tooLong', email: 'controlCharacters' } }
		);
	});

	it('whatever the form accepts, the sync wire accepts too', () => {
		const typed = fc.oneof(
			fc.string({ maxLength: 260, unit: 'binary' }),
			fc.constantFrom(...GOOD_EMAILS, ...BAD_EMAILS),
			fc.emailAddress()
		);
		fc.assert(
			fc.property(typed, typed, (groupName, email) => {
				const result = validateNewEvent({ ...form, groupName, email });
				if (!result.ok) return;
				const sent = parseEventContact({ ...result.value.contact, updatedAt: 1 }, 'contact');
				expect(sent).toEqual({ ok: true, value: { ...result.value.contact, updatedAt: 1 } });
			}),
			{ seed: 20261210, numRuns: 500 }
		);
	});
});

describe('pickLatestContact', () => {
	const stamped = (
		updatedAt: number,
		updatedBy: string,
		email = 'a@b.ca'
	): StampedEventContact => ({
		groupName: '',
		email,
		updatedAt,
		updatedBy
	});

	it('keeps the later stamp, then the larger device id, whatever the order', () => {
		const older = stamped(1, 'zzzzzzzzzzzzzzzz');
		const newer = stamped(2, 'aaaaaaaaaaaaaaaa');
		expect(pickLatestContact(older, newer)).toBe(newer);
		expect(pickLatestContact(newer, older)).toBe(newer);
		const byDevice = stamped(2, 'bbbbbbbbbbbbbbbb');
		expect(pickLatestContact(newer, byDevice)).toBe(byDevice);
		expect(pickLatestContact(byDevice, newer)).toBe(byDevice);
	});

	it('lets the content decide between equal stamps, so the choice is commutative', () => {
		const one = stamped(3, 'aaaaaaaaaaaaaaaa', 'one@b.ca');
		const two = stamped(3, 'aaaaaaaaaaaaaaaa', 'two@b.ca');
		expect(pickLatestContact(one, two)).toBe(two);
		expect(pickLatestContact(two, one)).toBe(two);
	});
});
