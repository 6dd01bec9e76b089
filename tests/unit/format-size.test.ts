import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/routes/(host)/status/format-size';

// Intl puts a non-breaking space between the figure and the unit in both languages.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatSize', () => {
	it('shows megabytes up to 1,000 MB, with one decimal, in English', () => {
		expect(plain(formatSize(0, 'en'))).toBe('0 MB');
		expect(plain(formatSize(812_440_000, 'en'))).toBe('812.4 MB');
		expect(plain(formatSize(999_900_000, 'en'))).toBe('999.9 MB');
	});

	it('switches to gigabytes past 1,000 MB in English', () => {
		expect(plain(formatSize(10_738_900_000, 'en'))).toBe('10.7 GB');
		expect(plain(formatSize(999_960_000, 'en'))).toBe('1 GB');
		expect(plain(formatSize(1_234_567_000_000, 'en'))).toBe('1,234.6 GB');
	});

	it('uses the fr-CA number format and units in French', () => {
		expect(plain(formatSize(812_440_000, 'fr'))).toBe('812,4 Mo');
		expect(plain(formatSize(10_738_900_000, 'fr'))).toBe('10,7 Go');
		expect(plain(formatSize(1_234_567_000_000, 'fr'))).toBe('1 234,6 Go');
	});

	it('never breaks the line between the figure and its unit', () => {
		expect(formatSize(10_738_900_000, 'fr')).not.toMatch(/ /);
		expect(formatSize(812_440_000, 'en')).not.toMatch(/ /);
	});
});
