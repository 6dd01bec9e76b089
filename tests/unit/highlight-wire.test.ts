import { describe, expect, it } from 'vitest';
import {
	MAX_HIGHLIGHT_BODY,
	MAX_HIGHLIGHT_PHOTO_BYTES,
	parseHighlightUpload,
	sniffPhotoType
} from '$lib/shared/highlight-wire';

const NOW = Date.UTC(2026, 11, 10, 15);
const words = {
	id: 'hlhlhlhlhlhlhlhlhlhlhl',
	deviceId: 'dvdvdvdvdvdvdvdvdvdvdv',
	kind: 'poem',
	body: '  Two lines\nfor Rita  ',
	author: ' Maya ',
	consent: 'publish',
	createdAt: NOW - 1000,
	photo: null
};
const photo = {
	...words,
	kind: 'photo',
	body: '',
	photo: { type: 'image/jpeg', size: 1234, sha256: 'a'.repeat(43), width: 1600, height: 1200 }
};

describe('parseHighlightUpload', () => {
	it('keeps a poem’s line breaks and trims the edges', () => {
		const parsed = parseHighlightUpload(words, NOW);
		expect(parsed).toMatchObject({
			ok: true,
			value: { body: 'Two lines\nfor Rita', author: 'Maya' }
		});
	});

	it('takes a photo with no caption', () => {
		expect(parseHighlightUpload(photo, NOW)).toMatchObject({ ok: true, value: { kind: 'photo' } });
	});

	it.each([
		['a future stamp', { ...words, createdAt: NOW + 60_000 }, /future/],
		['words with no words', { ...words, body: '   ' }, /needs its words/],
		['a control character', { ...words, author: 'Ma\u0007ya' }, /control/],
		['a body too long', { ...words, body: 'x'.repeat(MAX_HIGHLIGHT_BODY + 1) }, /at most/],
		['no consent', { ...words, consent: undefined }, /consent/],
		['a bad id', { ...words, id: '../x' }, /id must/],
		['a photo without its file', { ...photo, photo: null }, /needs its photo/],
		['words with a file', { ...words, photo: photo.photo }, /Only a photo/],
		[
			'a photo over the cap',
			{ ...photo, photo: { ...photo.photo, size: MAX_HIGHLIGHT_PHOTO_BYTES + 1 } },
			/photo.size/
		],
		['a photo of another type', { ...photo, photo: { ...photo.photo, type: 'image/gif' } }, /type/]
	])('refuses %s', (_, input, message) => {
		const parsed = parseHighlightUpload(input, NOW);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(message);
	});
});

describe('sniffPhotoType', () => {
	it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
		expect(sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(sniffPhotoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe(
			'image/png'
		);
		expect(sniffPhotoType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
		expect(sniffPhotoType(new TextEncoder().encode('<svg xmlns='))).toBeNull();
		expect(sniffPhotoType(new TextEncoder().encode('GIF89a'))).toBeNull();
	});
});
