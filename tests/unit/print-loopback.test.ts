import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/routes/c/[lang]/print/loopback';

describe('isLoopback', () => {
	it('knows the addresses only this computer reaches', () => {
		for (const origin of [
			'http://localhost:3000',
			'http://app.localhost:3000',
			'http://127.0.0.1:3000',
			'http://127.1.2.3',
			'http://[::1]:3000'
		]) {
			expect(isLoopback(origin), origin).toBe(true);
		}
	});

	it('leaves addresses phones may reach alone', () => {
		for (const origin of [
			'http://192.168.1.20:3000',
			'https://letterday.example.org',
			'http://localhost.example.org',
			'http://10.0.0.127'
		]) {
			expect(isLoopback(origin), origin).toBe(false);
		}
	});
});
