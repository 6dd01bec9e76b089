/**
 * The organizers' contact on the device, against the real endpoint on a real SQLite file: the
 * host's sync sends it, a co-host (who never gets it) edits the details without wiping it, it
 * never rides in the co-host link or a report by QR, and the backup file carries it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '$lib/client/db/database';
import { importBackup, readBackup } from '$lib/client/repos/backup';
import { deviceId } from '$lib/client/repos/device';
import {
	createEvent,
	getEvent,
	joinEvent,
	joinPayload,
	updateEventDetails
} from '$lib/client/repos/events';
import { readForSync } from '$lib/client/repos/sync-state';
import { reportCode } from '$lib/client/sync/report-code';
import { forgetSession, syncEvent } from '$lib/client/sync/sync-event';
import { serializeBackup } from '$lib/shared/backup';
import { parseBackup } from '$lib/shared/backup-schema';
import { joinLink, parseJoinLink } from '$lib/shared/join-link';
import { assembleParts, decodeReport, parseReportFragment } from '$lib/shared/report';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('contact-device');

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());
afterEach(() => forgetSession());

const EMAIL = 'w4r-moncton@example.org';
const GROUP = 'Moncton high school group';
const withContact = { ...sampleEvent, contact: { groupName: GROUP, email: EMAIL } };

const serverContact = (eventId: string) =>
	server.db.kysely
		.selectFrom('events')
		.select(['name', 'group_name', 'contact_email', 'contact_updated_at', 'contact_device_id'])
		.where('id', '=', eventId)
		.executeTakeFirst();

describe('the contact on the device', () => {
	it('is kept on the event row only when given, and stamped only when it changes', async () => {
		device();
		const without = await createEvent({ ...sampleEvent, contact: { groupName: '', email: '' } });
		expect(without.contact).toBeUndefined();
		const event = await createEvent(withContact);
		expect(event.contact).toEqual({ groupName: GROUP, email: EMAIL, updatedAt: event.createdAt });

		await updateEventDetails(event.id, { ...withContact, city: 'Dieppe' });
		expect((await getEvent(event.id))?.contact).toEqual(event.contact);
		await updateEventDetails(event.id, { ...withContact, contact: { groupName: '', email: '' } });
		const cleared = (await getEvent(event.id))?.contact;
		expect(cleared).toMatchObject({ groupName: '', email: '' });
		expect(cleared!.updatedAt).toBeGreaterThan(event.contact!.updatedAt);
	});

	it('goes to the server with the host’s sync; a co-host’s edits of the details keep it', async () => {
		const hostDb = device();
		const event = await createEvent(withContact);
		const host = await deviceId();
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverContact(event.id)).toEqual({
			name: sampleEvent.name,
			group_name: GROUP,
			contact_email: EMAIL,
			contact_updated_at: event.contact!.updatedAt,
			contact_device_id: host
		});

		// The co-host joins from the host's link, which carries no contact.
		const link = joinLink('https://letterday.test', joinPayload((await getEvent(event.id))!));
		expect(link).not.toContain(encodeURIComponent(EMAIL));
		expect(decodeURIComponent(link)).not.toContain(EMAIL);
		expect(decodeURIComponent(link.replaceAll('+', ' '))).not.toContain(GROUP);
		const parsed = parseJoinLink(link);
		if (!parsed.ok) throw new Error(parsed.reason);
		device();
		await joinEvent(parsed.value);
		expect((await getEvent(event.id))?.contact).toBeUndefined();

		// The co-host's form shows empty contact fields; saving it sends no contact at all.
		await updateEventDetails(event.id, {
			...sampleEvent,
			name: 'Renamed at the second table',
			contact: { groupName: '', email: '' }
		});
		expect((await getEvent(event.id))?.contact).toBeUndefined();
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverContact(event.id)).toMatchObject({
			name: 'Renamed at the second table',
			contact_email: EMAIL,
			contact_device_id: host
		});

		// The host's device learns the new details; its contact stays as it was.
		useDatabase(hostDb);
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await getEvent(event.id)).toMatchObject({
			name: 'Renamed at the second table',
			contact: event.contact
		});
	});

	it('never rides in a report by QR', async () => {
		device();
		const event = await createEvent(withContact);
		const code = await reportCode((await readForSync(event.id))!, 'https://letterday.test');
		if (!code.ok) throw new Error(code.reason);
		const fragments = code.links.map((link) => parseReportFragment(link)!);
		const payload =
			fragments[0]!.kind === 'whole'
				? fragments[0]!.payload
				: assembleParts(
						fragments.map((f) => (f.kind === 'part' ? f.chunk : null)),
						fragments.length
					)!;
		const decoded = decodeReport(payload);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.value.snapshot).not.toHaveProperty('contact');
		const bytes = Buffer.from(payload, 'base64url').toString('latin1');
		expect(bytes).not.toContain(EMAIL);
		expect(bytes).not.toContain('Moncton high');
	});

	it('travels in the backup file, and a file saved before contacts existed still imports', async () => {
		device();
		const event = await createEvent(withContact);
		const text = serializeBackup(await readBackup());
		const file = parseBackup(text);
		if (!file.ok) throw new Error(JSON.stringify(file.issues));
		expect(file.backup.events[0]!.snapshots[0]!.contact).toEqual(event.contact);

		device();
		await importBackup(file.backup);
		expect((await getEvent(event.id))?.contact).toEqual(event.contact);

		// The same file without the contact, as an older version saved it.
		const old = JSON.parse(text);
		delete old.events[0].snapshots[0].contact;
		const oldFile = parseBackup(JSON.stringify(old));
		if (!oldFile.ok) throw new Error(JSON.stringify(oldFile.issues));
		device();
		await importBackup(oldFile.backup);
		expect(await getEvent(event.id)).toMatchObject({ name: sampleEvent.name });
		expect((await getEvent(event.id))?.contact).toBeUndefined();

		// A bad contact in a file is named like any other problem of the file.
		old.events[0].snapshots[0].contact = { groupName: '', email: 'nobody', updatedAt: 1 };
		const bad = parseBackup(JSON.stringify(old));
		expect(bad).toMatchObject({
			ok: false,
			issues: [{ problem: 'bad_details', path: 'snapshots[0].contact.email' }]
		});
	});

	it('a newer contact in a file replaces an older one on the device, never the reverse', async () => {
		device();
		const event = await createEvent(withContact);
		const older = parseBackup(serializeBackup(await readBackup()));
		await updateEventDetails(event.id, {
			...withContact,
			contact: { groupName: GROUP, email: 'newer@example.org' }
		});
		const newer = parseBackup(serializeBackup(await readBackup()));
		if (!older.ok || !newer.ok) throw new Error('backup did not parse');

		device();
		await importBackup(older.backup);
		expect((await getEvent(event.id))?.contact?.email).toBe(EMAIL);
		await importBackup(newer.backup);
		expect((await getEvent(event.id))?.contact?.email).toBe('newer@example.org');
		await importBackup(older.backup);
		expect((await getEvent(event.id))?.contact?.email).toBe('newer@example.org');
	});
});
