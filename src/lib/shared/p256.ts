/**
 * The event's signing key (ECDSA P-256, made with WebCrypto on the device), in the forms the
 * wire uses: base64url text and the raw uncompressed point 0x04 || x || y (65 bytes). Isomorphic:
 * browsers and Node 20 both have `globalThis.crypto.subtle`.
 */

import { PUBLIC_KEY_PATTERN } from './ids';

export const RAW_PUBLIC_KEY_BYTES = 65;

export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything but base64url text (no padding, no other characters). */
export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

// The curve's field prime and b (FIPS 186-4, D.1.2.3); a = -3.
const P = BigInt('0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff');
const B = BigInt('0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b');

const bigOf = (bytes: Uint8Array): bigint =>
	BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') || '0'}`);

/**
 * True for a raw uncompressed P-256 point that lies on the curve: cheap (a few big-number
 * products), so the sync can refuse a bad key before storing it, without an async import.
 */
export function isP256Point(raw: Uint8Array): boolean {
	if (raw.length !== RAW_PUBLIC_KEY_BYTES || raw[0] !== 4) return false;
	const x = bigOf(raw.subarray(1, 33));
	const y = bigOf(raw.subarray(33, 65));
	if (x >= P || y >= P) return false;
	const mod = (n: bigint) => ((n % P) + P) % P;
	return mod(y * y) === mod(x * x * x - 3n * x + B);
}

function modPow(base: bigint, exponent: bigint): bigint {
	let result = 1n;
	let b = base % P;
	let e = exponent;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % P;
		b = (b * b) % P;
		e >>= 1n;
	}
	return result;
}

const bytesOfBig = (value: bigint): Uint8Array =>
	Uint8Array.from(value.toString(16).padStart(64, '0').match(/../g)!, (h) => parseInt(h, 16));

/** 0x02/0x03 || x (33 bytes): half the size in a QR code. */
export function compressPoint(raw: Uint8Array): Uint8Array {
	const out = new Uint8Array(33);
	out[0] = 2 + (raw[64]! & 1);
	out.set(raw.subarray(1, 33), 1);
	return out;
}

/** The uncompressed point back from 33 bytes, or null when x is not on the curve. Some WebCrypto
 * engines import only uncompressed points, so verification always gets the long form. */
export function decompressPoint(compressed: Uint8Array): Uint8Array | null {
	if (compressed.length !== 33 || (compressed[0] !== 2 && compressed[0] !== 3)) return null;
	const x = bigOf(compressed.subarray(1));
	if (x >= P) return null;
	const rhs = (((x * x * x - 3n * x + B) % P) + P) % P;
	// P ≡ 3 (mod 4), so a square root is rhs^((P + 1) / 4).
	let y = modPow(rhs, (P + 1n) / 4n);
	if ((y * y) % P !== rhs) return null;
	if (Number(y & 1n) !== (compressed[0] & 1)) y = P - y;
	const raw = new Uint8Array(RAW_PUBLIC_KEY_BYTES);
	raw[0] = 4;
	raw.set(compressed.subarray(1), 1);
	raw.set(bytesOfBig(y), 33);
	return raw;
}

/**
 * A public key as the sync body and the server carry it: base64url of the raw point, on the
 * curve. The curve check costs tens of microseconds: the server makes it only when it is about
 * to store a key, not on every sync.
 */
export function isPublicKeyText(value: unknown): value is string {
	if (typeof value !== 'string' || !PUBLIC_KEY_PATTERN.test(value)) return false;
	const raw = fromBase64Url(value);
	return raw !== null && isP256Point(raw);
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The private key as a JWK (it carries the public x and y too), kept on the event's row. */
export type SigningKey = JsonWebKey & { d: string; x: string; y: string };

export async function generateSigningKey(): Promise<SigningKey> {
	const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
	const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
	return { kty: 'EC', crv: 'P-256', d: jwk.d!, x: jwk.x!, y: jwk.y! };
}

/** The private key from its three parts, as the co-host link carries them. */
export function signingKeyOf(d: string, x: string, y: string): SigningKey {
	return { kty: 'EC', crv: 'P-256', d, x, y };
}

/** The private key as one piece of text, `x.y.d` (base64url each): the co-host link's `s`
 * field and a backup file's `signingKey`. */
export const signingKeyText = (key: SigningKey): string => `${key.x}.${key.y}.${key.d}`;

/** The key back from its text, or null unless x and y are a point on the curve. */
export function parseSigningKeyText(text: string): SigningKey | null {
	const parts = text.split('.');
	if (parts.length !== 3) return null;
	const bytes = parts.map(fromBase64Url);
	if (bytes.some((part) => part?.length !== 32)) return null;
	const point = new Uint8Array(RAW_PUBLIC_KEY_BYTES);
	point[0] = 4;
	point.set(bytes[0]!, 1);
	point.set(bytes[1]!, 33);
	if (!isP256Point(point)) return null;
	return signingKeyOf(parts[2]!, parts[0]!, parts[1]!);
}

/** The public half as raw bytes: 0x04 || x || y. */
export function rawPublicKey(key: Pick<SigningKey, 'x' | 'y'>): Uint8Array {
	const x = fromBase64Url(key.x);
	const y = fromBase64Url(key.y);
	if (!x || !y || x.length !== 32 || y.length !== 32) throw new Error('not a P-256 key');
	const raw = new Uint8Array(RAW_PUBLIC_KEY_BYTES);
	raw[0] = 4;
	raw.set(x, 1);
	raw.set(y, 33);
	return raw;
}

export function publicKeyText(key: Pick<SigningKey, 'x' | 'y'>): string {
	return toBase64Url(rawPublicKey(key));
}

/** ECDSA P-256 over SHA-256; the signature is r || s (64 bytes), as WebCrypto makes it. */
export async function sign(key: SigningKey, data: Uint8Array): Promise<Uint8Array> {
	const privateKey = await crypto.subtle.importKey('jwk', key, ALGORITHM, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign(SIGNATURE, privateKey, data as BufferSource));
}

export async function verify(
	rawKey: Uint8Array,
	signature: Uint8Array,
	data: Uint8Array
): Promise<boolean> {
	if (!isP256Point(rawKey)) return false;
	const publicKey = await crypto.subtle.importKey('raw', rawKey as BufferSource, ALGORITHM, false, [
		'verify'
	]);
	return crypto.subtle.verify(
		SIGNATURE,
		publicKey,
		signature as BufferSource,
		data as BufferSource
	);
}

/** SHA-256 of the event key, hex: what the server keeps instead of the key. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
