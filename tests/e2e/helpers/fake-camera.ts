/**
 * A phone camera pointed at a screen, for Chromium's fake capture device: PNG screenshots of QR
 * codes written as a Y4M video (grey, 4:2:0), each shown for a few frames in turn, the way the
 * host's screen cycles its codes. Chromium loops the file.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export function writeQrVideo(path: string, shots: Buffer[], framesEach = 4, fps = 4): void {
	const images = shots.map((shot) => PNG.sync.read(shot));
	// Even sides (4:2:0), a white margin around the largest shot.
	const side =
		Math.ceil((Math.max(...images.map((i) => Math.max(i.width, i.height))) + 64) / 2) * 2;
	const chunks: Buffer[] = [
		Buffer.from(`YUV4MPEG2 W${side} H${side} F${fps}:1 Ip A1:1 C420jpeg\n`)
	];
	const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
	for (const image of images) {
		const luma = Buffer.alloc(side * side, 255);
		const [left, top] = [(side - image.width) >> 1, (side - image.height) >> 1];
		for (let y = 0; y < image.height; y++) {
			for (let x = 0; x < image.width; x++) {
				const i = (y * image.width + x) * 4;
				const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
				luma[(top + y) * side + left + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
			}
		}
		for (let n = 0; n < framesEach; n++) chunks.push(Buffer.from('FRAME\n'), luma, chroma);
	}
	writeFileSync(path, Buffer.concat(chunks));
}
