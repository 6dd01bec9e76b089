/**
 * Field on the server, as the participant poster renders it: no JavaScript ever runs in the
 * page, so the label, the control's attributes, the help and the error must all be in the HTML.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import FieldHarness from '../component/FieldHarness.svelte';

const markup = (props: { error?: string; help?: string }) =>
	render(FieldHarness, { props }).body.replace(/<!--[^>]*-->/g, '');

describe('Field rendered on the server', () => {
	it('writes the label, the wired control, the help and the error', () => {
		const html = markup({ help: 'Up to 100 characters.', error: 'Required.' });
		expect(html).toContain('<label for="ev-city">City or town</label>');
		expect(html).toMatch(/<input [^>]*id="ev-city"/);
		expect(html).toMatch(/<input [^>]*aria-invalid="true"/);
		expect(html).toMatch(/<input [^>]*aria-describedby="ev-city-help ev-city-error"/);
		expect(html).toContain('<p class="help" id="ev-city-help">Up to 100 characters.</p>');
		expect(html).toContain('<p class="error" id="ev-city-error">Required.</p>');
	});

	it('leaves out the aria attributes and the paragraphs it has nothing for', () => {
		const html = markup({});
		expect(html).not.toContain('aria-invalid');
		expect(html).not.toContain('aria-describedby');
		expect(html).not.toContain('<p');
	});
});
