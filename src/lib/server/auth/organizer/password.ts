/**
 * Organizer passwords: scrypt from node:crypto, stored as `scrypt$N$r$p$salt$hash` (base64url) so
 * the cost can be raised later without breaking the hashes already stored.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** About 100 ms on one core of this machine: slow for a guesser, fine for a login. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): 'short' | 'long' | null {
	if (password.length < PASSWORD_MIN) return 'short';
	if (password.length > PASSWORD_MAX) return 'long';
	return null;
}

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
	// scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly too small for N=2^15.
	const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, COST);
	return [
		'scrypt',
		COST.N,
		COST.r,
		COST.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const cost = { N: Number(n), r: Number(r), p: Number(p) };
	if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return false;
	const expected = Buffer.from(key, 'base64url');
	const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone knows, verified when the email is unknown so that a wrong email
 * takes as long as a wrong password (no account discovery by timing). */
let decoy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
	decoy ??= hashPassword(randomBytes(16).toString('hex'));
	await verifyPassword(password, await decoy);
}
