/**
 * The byte framing of a report (see report.ts): uint is LEB128 (7 bits a byte), str a uint byte
 * length then UTF-8. Kept apart from the report's layout so the layout reads as a list of fields.
 */
export class Writer {
	#bytes: number[] = [];
	u8(value: number) {
		this.#bytes.push(value & 0xff);
	}
	uint(value: number) {
		// Arithmetic, not bit operators: stamps pass 2^32.
		let rest = value;
		while (rest >= 0x80) {
			this.#bytes.push((rest % 0x80) + 0x80);
			rest = Math.floor(rest / 0x80);
		}
		this.#bytes.push(rest);
	}
	raw(bytes: Uint8Array) {
		for (const byte of bytes) this.#bytes.push(byte);
	}
	str(text: string) {
		const bytes = new TextEncoder().encode(text);
		this.uint(bytes.length);
		this.raw(bytes);
	}
	done(): Uint8Array {
		return Uint8Array.from(this.#bytes);
	}
}

/** Thrown by a Reader that runs out of bytes, so decoding can answer "cut short" in one place. */
export class Truncated extends Error {}

export class Reader {
	#at = 0;
	constructor(readonly bytes: Uint8Array) {}
	get left() {
		return this.bytes.length - this.#at;
	}
	u8(): number {
		if (this.#at >= this.bytes.length) throw new Truncated();
		return this.bytes[this.#at++]!;
	}
	uint(): number {
		let value = 0;
		let scale = 1;
		// Eight groups of 7 bits reach 2^56, past every value the rules allow.
		for (let i = 0; i < 8; i++) {
			const byte = this.u8();
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) return value;
			scale *= 0x80;
		}
		throw new Truncated();
	}
	raw(length: number): Uint8Array {
		if (length > this.left) throw new Truncated();
		const slice = this.bytes.slice(this.#at, this.#at + length);
		this.#at += length;
		return slice;
	}
	str(): string {
		return new TextDecoder('utf-8', { fatal: true }).decode(this.raw(this.uint()));
	}
}

export const hexOf = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function bytesOfHex(hex: string): Uint8Array {
	if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('keyHash must be 64 lowercase hex characters');
	return Uint8Array.from({ length: hex.length / 2 }, (_, i) =>
		parseInt(hex.slice(i * 2, i * 2 + 2), 16)
	);
}
