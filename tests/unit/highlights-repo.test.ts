/**
 * The highlights repo on the device: a highlight is stored with its event, editable and deletable
 * until sent, and the upload queue finds what is still to send (deletes to tell included).
 */
import { describe, expect, it } from 'vitest';
import { createEvent } from '$lib/client/repos/events';
import { deleteEvent } from '$lib/client/repos/event-removal';
import {
	addHighlight,
	deleteHighlight,
	editHighlight,
	listHighlights,
	markSent,
	pendingHighlights,
	recordReceived
} from '$lib/client/repos/highlights';
import type { HighlightDraft } from '$lib/client/highlights/draft';
import { useDevices } from '../helpers/devices';
import { sampleEvent } from '../helpers/sync-endpoint';

const device = useDevices('highlights-repo');

const poem: HighlightDraft = {
	kind: 'poem',
	body: 'Test poem for the suite\nsecond line',
	author: 'Sam',
	anonymous: false,
	consent: 'publish'
};
const photo = {
	blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }),
	meta: {
		type: 'image/jpeg' as const,
		size: 6,
		sha256: 'A'.repeat(43),
		width: 2,
		height: 1
	}
};

describe('highlights repo', () => {
	it('stores words with their line breaks and a photo with its blob, both unsent', async () => {
		device();
		const event = await createEvent(sampleEvent);
		const words = await addHighlight(event.id, poem, null, 1000);
		const shot = await addHighlight(
			event.id,
			{ ...poem, kind: 'photo', body: '', anonymous: true, consent: 'organizers' },
			photo,
			2000
		);
		const list = await listHighlights(event.id);
		expect(list.map((row) => row.id)).toEqual([words, shot]);
		expect(list[0]).toMatchObject({ body: 'Test poem for the suite\nsecond line', author: 'Sam' });
		expect(list[1]).toMatchObject({ author: '', consent: 'organizers', state: 'unsent' });
		expect(new Uint8Array(await list[1]!.photo!.arrayBuffer())).toEqual(
			new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
		);
		expect((await pendingHighlights()).map((row) => row.id)).toEqual([words, shot]);
	});

	it('refuses a draft without consent, words without words, and a photo without its photo', async () => {
		const database = device();
		await expect(addHighlight('event-a', { ...poem, consent: '' })).rejects.toThrow(RangeError);
		await expect(addHighlight('event-a', { ...poem, body: '  \n ' })).rejects.toThrow(RangeError);
		await expect(addHighlight('event-a', { ...poem, kind: 'photo' })).rejects.toThrow(RangeError);
		await expect(addHighlight('event-a', poem, photo)).rejects.toThrow(RangeError);
		expect(await database.highlights.count()).toBe(0);
	});

	it('edits and deletes an unsent highlight, and neither once it is sent', async () => {
		const database = device();
		const id = await addHighlight('event-a', poem);
		expect(
			await editHighlight(id, { ...poem, body: 'Edited test words', consent: 'organizers' })
		).toBe(true);
		expect(await database.highlights.get(id)).toMatchObject({
			body: 'Edited test words',
			consent: 'organizers',
			rev: 2
		});
		// A version that went up before the edit does not make the edited one sent.
		expect(await markSent(id, 1)).toBe(false);
		expect(await markSent(id, 2)).toBe(true);
		expect(await editHighlight(id, poem)).toBe(false);
		expect(await deleteHighlight(id)).toBe(false);
		expect(await database.highlights.get(id)).toMatchObject({
			state: 'sent',
			body: 'Edited test words'
		});
		expect(await pendingHighlights()).toEqual([]);
	});

	it('deletes a photo’s bytes with its highlight', async () => {
		const database = device();
		const id = await addHighlight('event-a', { ...poem, kind: 'photo' }, photo);
		expect(await database.highlightPhotos.count()).toBe(1);
		await deleteHighlight(id);
		expect(await database.highlightPhotos.count()).toBe(0);
	});

	it('keeps a deleted highlight the server already heard of, hidden, until the server is told', async () => {
		const database = device();
		const quiet = await addHighlight('event-a', poem);
		const heard = await addHighlight('event-a', { ...poem, kind: 'quote' });
		await recordReceived(heard, 0);
		expect(await deleteHighlight(quiet)).toBe(true);
		expect(await deleteHighlight(heard)).toBe(true);
		expect(await database.highlights.get(quiet)).toBeUndefined();
		expect(await listHighlights('event-a')).toEqual([]);
		expect(await pendingHighlights()).toMatchObject([{ id: heard, state: 'deleting' }]);
	});

	it('goes with its event when the event is deleted', async () => {
		const database = device();
		const event = await createEvent(sampleEvent);
		const other = await createEvent({ ...sampleEvent, name: 'Other test event' });
		await addHighlight(event.id, poem);
		await addHighlight(other.id, poem);
		await database.events.update(event.id, { detailsDirty: 0 });
		expect((await deleteEvent(event.id))?.allowed).toBe(true);
		expect(await listHighlights(event.id)).toEqual([]);
		expect(await listHighlights(other.id)).toHaveLength(1);
	});
});
