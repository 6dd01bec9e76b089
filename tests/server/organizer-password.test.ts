/**
 * Organizer passwords: scrypt in a self-describing format, verified in constant time, and the
 * rules a new password must meet.
 */
import { describe, expect, it } from 'vitest';
import {
	PASSWORD_MAX,
	PASSWORD_MIN,
	hashPassword,
	passwordProblem,
	spendVerifyTime,
	verifyPassword
} from '$lib/server/auth/organizer/password';

describe('organizer passwords', () => {
	it('stores scrypt with its cost, a 16-byte salt and a 32-byte key, never the password', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
		expect(stored).not.toContain('horse');
		// A fresh salt each time: the same password never gives the same hash.
		expect(await hashPassword('correct horse battery')).not.toBe(stored);
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('refuses stored values that are not its format instead of throwing', async () => {
		const stored = await hashPassword('correct horse battery');
		const [, n, r, p, salt, key] = stored.split('$');
		for (const broken of [
			'',
			'plain text',
			`bcrypt$${n}$${r}$${p}$${salt}$${key}`,
			`scrypt$${n}$${r}$${p}$${salt}$`,
			`scrypt$x$${r}$${p}$${salt}$${key}`,
			// Same salt, another key: the comparison itself refuses.
			`scrypt$${n}$${r}$${p}$${salt}$${'A'.repeat(43)}`
		]) {
			expect(await verifyPassword('correct horse battery', broken), broken).toBe(false);
		}
	});

	it('treats the same text typed on another keyboard (NFC and NFD) as the same password', async () => {
		const stored = await hashPassword('Hélène écrit 2026');
		expect(await verifyPassword('He\u0301le\u0300ne e\u0301crit 2026', stored)).toBe(true);
	});

	it('spends about the time of a real check when there is no account to check against', async () => {
		const stored = await hashPassword('correct horse battery');
		await spendVerifyTime('warm up'); // the decoy hash is made once per process
		const time = async (work: () => Promise<unknown>) => {
			const started = performance.now();
			await work();
			return performance.now() - started;
		};
		const real: number[] = [];
		const decoy: number[] = [];
		for (let i = 0; i < 3; i++) {
			real.push(await time(() => verifyPassword('wrong guess here', stored)));
			decoy.push(await time(() => spendVerifyTime('wrong guess here')));
		}
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
		expect(median(decoy)).toBeGreaterThan(median(real) * 0.5);
		expect(median(decoy)).toBeGreaterThan(20);
	});

	it(`asks for ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, () => {
		expect(passwordProblem('a'.repeat(PASSWORD_MIN - 1))).toBe('short');
		expect(passwordProblem('a'.repeat(PASSWORD_MIN))).toBeNull();
		expect(passwordProblem('a'.repeat(PASSWORD_MAX))).toBeNull();
		expect(passwordProblem('a'.repeat(PASSWORD_MAX + 1))).toBe('long');
	});
});
