/**
 * Highlights for the gallery's browser tests, written as the upload would leave them: a row in the
 * running server's SQLite file and the photo in DATA_DIR/media under the highlight's id. The
 * photos are real JPEGs drawn by Chromium's canvas (test pictures, no real people).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { randomId } from '$lib/shared/ids';

export interface E2eHighlight {
	eventId: string;
	kind: 'photo' | 'quote' | 'poem';
	body?: string;
	author?: string;
	consent?: 'publish' | 'organizers';
	review?: 'pending' | 'approved' | 'hidden';
	createdAt: number;
	photo?: { bytes: Uint8Array; width: number; height: number };
}

export function seedHighlights(dataDir: string, highlights: E2eHighlight[]): string[] {
	const db = new Database(join(dataDir, 'letterday.sqlite'));
	db.pragma('busy_timeout = 5000');
	const insert = db.prepare(
		`insert into highlights (id, event_id, device_id, kind, body, author, consent, media_type,
			media_size, media_sha256, media_width, media_height, media_received, created_at,
			received_at, completed_at, review)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	mkdirSync(join(dataDir, 'media'), { recursive: true });
	try {
		return highlights.map((h) => {
			const id = randomId();
			const bytes = h.photo?.bytes;
			if (bytes) writeFileSync(join(dataDir, 'media', id), bytes);
			insert.run(
				id,
				h.eventId,
				randomId(),
				h.kind,
				h.body ?? '',
				h.author ?? '',
				h.consent ?? 'publish',
				bytes ? 'image/jpeg' : null,
				bytes?.length ?? null,
				bytes ? createHash('sha256').update(bytes).digest('base64url') : null,
				h.photo?.width ?? null,
				h.photo?.height ?? null,
				bytes?.length ?? 0,
				h.createdAt,
				h.createdAt + 1000,
				h.createdAt + 2000,
				h.review ?? 'pending'
			);
			return id;
		});
	} finally {
		db.close();
	}
}

/** A JPEG test picture: a warm gradient, a few shapes, and the words "Test photo". */
export async function drawTestPhoto(
	page: Page,
	options: { width: number; height: number; hue: number; label: string }
): Promise<Uint8Array> {
	const base64 = await page.evaluate(({ width, height, hue, label }) => {
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const g = canvas.getContext('2d')!;
		const sky = g.createLinearGradient(0, 0, width, height);
		sky.addColorStop(0, `hsl(${hue} 70% 65%)`);
		sky.addColorStop(1, `hsl(${(hue + 60) % 360} 60% 35%)`);
		g.fillStyle = sky;
		g.fillRect(0, 0, width, height);
		for (let i = 0; i < 7; i++) {
			g.fillStyle = `hsl(${(hue + i * 40) % 360} 80% 60% / 0.55)`;
			g.beginPath();
			g.arc(((i + 1) * width) / 8, height * (0.55 + 0.25 * Math.sin(i)), height / 7, 0, 7);
			g.fill();
		}
		g.fillStyle = 'rgb(255 255 255 / 0.9)';
		g.font = `bold ${Math.round(height / 9)}px sans-serif`;
		g.fillText(label, width / 14, height / 5);
		return canvas.toDataURL('image/jpeg', 0.85).split(',')[1]!;
	}, options);
	return new Uint8Array(Buffer.from(base64, 'base64'));
}
