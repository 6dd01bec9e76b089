import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '$lib/server/http/client-address';
import { cappedPath, logRequestError } from '$lib/server/http/log';

function recorder() {
	const lines: { level: string; parts: unknown[] }[] = [];
	return {
		lines,
		warn: (line: string) => lines.push({ level: 'warn', parts: [line] }),
		error: (...parts: unknown[]) => lines.push({ level: 'error', parts })
	};
}

describe('request error log', () => {
	it('writes one short line for a 404, with a long path capped', () => {
		const log = recorder();
		logRequestError(404, 'GET', `/${'a'.repeat(5000)}`, new Error('Not found'), log);
		expect(log.lines).toHaveLength(1);
		const [line] = log.lines[0]!.parts as [string];
		expect(log.lines[0]!.level).toBe('warn');
		expect(line.length).toBeLessThan(200);
		expect(line).toContain('(5001 chars)');
	});

	it('gives no stack for a 405 but keeps one for a server failure', () => {
		const log = recorder();
		logRequestError(405, 'POST', '/c/en', new Error('POST method not allowed'), log);
		logRequestError(500, 'GET', '/c/en', new Error('boom'), log);
		expect(log.lines.map((entry) => entry.level)).toEqual(['warn', 'error']);
		expect(log.lines[0]!.parts).toEqual(['[405] POST /c/en']);
		expect(log.lines[1]!.parts[1]).toBeInstanceOf(Error);
	});

	it('leaves a short path whole', () => {
		expect(cappedPath('/c/en/some-case')).toBe('/c/en/some-case');
	});
});

describe('client address', () => {
	it('gives the address adapter-node reads', () => {
		expect(clientAddressOf({ getClientAddress: () => '203.0.113.9' })).toBe('203.0.113.9');
	});

	it('puts requests without the proxy header in one bucket instead of failing', () => {
		const missingHeader = () => {
			throw new Error(
				'Address header was specified with ADDRESS_HEADER=x-forwarded-for but is absent from request'
			);
		};
		expect(clientAddressOf({ getClientAddress: missingHeader })).toBe('no-address-header');
	});
});
