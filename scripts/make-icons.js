// Draws the app icons (a white envelope on the campaign's dark ground, yellow flap line) as PNGs.
// Run once with `node scripts/make-icons.js`; the PNGs are committed under static/icons.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';

function draw(size, safeZone) {
	const png = new PNG({ width: size, height: size });
	const inset = size * (safeZone ? 0.28 : 0.18);
	const left = inset;
	const right = size - inset;
	const top = size * 0.3;
	const bottom = size * 0.7;
	const stroke = Math.max(2, size * 0.03);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			let color = [0x1d, 0x1d, 0x1b];
			if (x >= left && x <= right && y >= top && y <= bottom) {
				color = [0xff, 0xff, 0xff];
				// The flap: two lines from the top corners to the middle.
				const t = (x - left) / (right - left);
				const flapY = top + (bottom - top) * 0.55 * (1 - Math.abs(2 * t - 1));
				if (Math.abs(y - flapY) < stroke) color = [0xff, 0xe6, 0x00];
			}
			const i = (y * size + x) * 4;
			png.data[i] = color[0];
			png.data[i + 1] = color[1];
			png.data[i + 2] = color[2];
			png.data[i + 3] = 255;
		}
	}
	return PNG.sync.write(png);
}

writeFileSync('static/icons/icon-192.png', draw(192, false));
writeFileSync('static/icons/icon-512.png', draw(512, false));
writeFileSync('static/icons/icon-maskable-512.png', draw(512, true));
