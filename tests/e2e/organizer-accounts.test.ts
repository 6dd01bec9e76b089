/**
 * Organizer accounts in a real Chromium against the built server: the gate (login redirect, 401
 * for data, same-origin POSTs), logging in and out, the first account from the setup link the
 * server printed, an invitation accepted with JavaScript and another without, revocation, and
 * axe-core, reflow at 320 px and <html lang> on every account page in English and French.
 *
 * Set A11Y_SHOTS=<dir> to keep a screenshot of each page checked, at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCALES, type Locale } from '$lib/shared/domain';
import { translate, type Params } from '$lib/shared/i18n/catalog';
import { organizerMessages, type OrganizerMessageKey } from '$lib/shared/i18n/organizer';
import { SESSION_COOKIE } from '$lib/server/auth/organizer/sessions';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.A11Y_SHOTS;
const EVIL = 'http://evil.example';
const ANA = { email: 'ana@example.org', password: 'correct horse battery' };
const BO = { email: 'bo@example.org', password: 'bo has a long password' };
const CY = { email: 'cy@example.org', password: 'cy types without scripts' };

const t = (key: OrganizerMessageKey, params?: Params, lang: Locale = 'en') =>
	translate(organizerMessages, lang, key, params);

let server: AppServer;
let browser: Browser;
/** Ana's browser: she makes the first account and stays logged in. */
let ana: Page;
let boContext: BrowserContext;
let bo: Page;
let boInvite = '';

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
	ana = await (await browser.newContext()).newPage();
	boContext = await browser.newContext();
	bo = await boContext.newPage();
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

/** A fresh browser with no cookies. */
async function stranger(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	return (await browser.newContext(options)).newPage();
}

const post = (path: string, headers: Record<string, string>, body?: string) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { accept: 'text/html', ...headers },
		body,
		redirect: 'manual'
	});

async function sessionCookie(page: Page): Promise<string> {
	// The cookie's path is /organizer: asked for the site's root, the browser would not send it.
	const cookies = await page.context().cookies(`${server.url}/organizer`);
	const cookie = cookies.find((c) => c.name === SESSION_COOKIE);
	if (!cookie) throw new Error('no session cookie');
	return `${cookie.name}=${cookie.value}`;
}

async function logInWith(page: Page, who: { email: string; password: string }) {
	await page.goto(`${server.url}/organizer/login`);
	await page.getByLabel(t('email')).fill(who.email);
	await page.getByLabel(t('password')).fill(who.password);
	await page.getByRole('button', { name: t('logIn') }).click();
}

/** axe over the page, <html lang>, and no sideways scroll at 320 px. */
async function checkPage(page: Page, lang: Locale, name: string) {
	expect(await page.locator('html').getAttribute('lang'), name).toBe(lang);
	const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, name).toEqual([]);
	expect(passes.length, name).toBeGreaterThan(10);
	const viewport = page.viewportSize();
	try {
		await page.setViewportSize({ width: 320, height: 700 });
		if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide, `${name} at 320 px`).toBeLessThanOrEqual(320);
	} finally {
		if (viewport) await page.setViewportSize(viewport);
	}
}

describe('the gate, before any account exists', () => {
	it('sends a page request without a session to the login page, and back afterwards', async () => {
		const page = await stranger();
		await page.goto(`${server.url}/organizer/team`);
		expect(page.url()).toBe(`${server.url}/organizer/login?next=%2Forganizer%2Fteam`);
		await page.context().close();
	});

	it('answers a data request without a session with 401 JSON', async () => {
		const response = await fetch(`${server.url}/organizer/export/cases.csv`, {
			redirect: 'manual'
		});
		expect(response.status).toBe(401);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await response.json()).toMatchObject({ error: { code: 'no_session' } });
	});
});

describe('the first account, from the setup link on the console', () => {
	let link = '';

	it('was printed once at start, with the code after the #', () => {
		const found = [...server.output().matchAll(/(http:\S+\/organizer\/setup)#([\w-]{43})\s/g)];
		expect(found, server.output()).toHaveLength(1);
		expect(found[0]![1]).toBe(`${server.url}/organizer/setup`);
		link = `${found[0]![1]}#${found[0]![2]}`;
	});

	it.each(LOCALES)('the setup page passes axe in %s, with and without errors', async (lang) => {
		const page = await stranger();
		await page.goto(`${server.url}/organizer/login?lang=${lang}`);
		await page.goto(link);
		// The script took the code from the #fragment: no field to fill.
		await page.getByText(t('setupCodeFromLink', {}, lang)).waitFor();
		await checkPage(page, lang, `setup-${lang}`);
		await page.getByRole('button', { name: t('setupCreate', {}, lang) }).click();
		const summary = page.getByRole('alert');
		await expect.poll(() => summary.textContent()).toContain(t('emailMissing', {}, lang));
		// The summary takes focus, and its links lead to the fields.
		expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
		await checkPage(page, lang, `setup-errors-${lang}`);
		await page.context().close();
	});

	it('says what is wrong with each field', async () => {
		const page = await stranger();
		await page.goto(link);
		await page.getByLabel(t('setupEmail')).fill('not an address');
		await page.getByLabel(t('newPassword')).fill('too short');
		await page.getByLabel(t('newPasswordAgain')).fill('something else');
		await page.getByRole('button', { name: t('setupCreate') }).click();
		const summary = page.getByRole('alert');
		await summary.waitFor();
		const problems = await summary.getByRole('link').allTextContents();
		expect(problems).toEqual([t('emailWrong'), t('passwordShort'), t('passwordsDiffer')]);
		// Each problem also sits beside its field, tied to it for screen readers.
		const email = page.getByLabel(t('setupEmail'));
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		await summary.getByRole('link', { name: t('emailWrong') }).click();
		expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.context().close();

		// A code that is not the one printed is refused, and shown in a field to correct.
		const wrong = await stranger();
		await wrong.goto(`${server.url}/organizer/setup#${'x'.repeat(43)}`);
		await wrong.getByText(t('setupCodeFromLink')).waitFor();
		await wrong.getByLabel(t('setupEmail')).fill(ANA.email);
		await wrong.getByLabel(t('newPassword')).fill(ANA.password);
		await wrong.getByLabel(t('newPasswordAgain')).fill(ANA.password);
		await wrong.getByRole('button', { name: t('setupCreate') }).click();
		await wrong.getByRole('link', { name: t('setupCodeWrong') }).waitFor();
		expect(await wrong.getByLabel(t('setupCode')).inputValue()).toBe('x'.repeat(43));
		await wrong.context().close();
	});

	it('makes the first account with JavaScript on, by keyboard, and logs it in', async () => {
		await ana.goto(link);
		await ana.getByText(t('setupCodeFromLink')).waitFor();
		await ana.getByLabel(t('setupEmail')).focus();
		await ana.keyboard.type(ANA.email);
		await ana.keyboard.press('Tab'); // the help line between is not a stop
		expect(await ana.evaluate(() => document.activeElement?.id)).toBe('password');
		await ana.keyboard.type(ANA.password);
		await ana.keyboard.press('Tab');
		await ana.keyboard.type(ANA.password);
		await ana.keyboard.press('Enter');
		await ana.waitForURL(`${server.url}/organizer`);
		await ana.getByText(t('loggedInAs', { email: ANA.email })).waitFor();
	});

	it('does not work a second time', async () => {
		const page = await stranger();
		await page.goto(link);
		await page.getByText(t('setupDone')).waitFor();
		expect(await page.getByLabel(t('setupEmail')).count()).toBe(0);
		await page.context().close();
	});
});

describe('logging in and out', () => {
	it('shows the error for a wrong password, and logs in with the right one', async () => {
		const page = await stranger();
		await logInWith(page, { email: ANA.email, password: 'not the password' });
		await expect.poll(() => page.getByRole('alert').textContent()).toContain(t('loginWrong'));
		expect(page.url()).toBe(`${server.url}/organizer/login`);
		await logInWith(page, ANA);
		await page.waitForURL(`${server.url}/organizer`);
		await page.context().close();
	});

	it.each(LOCALES)('the login page passes axe in %s', async (lang) => {
		const page = await stranger();
		await page.goto(`${server.url}/organizer/login?lang=${lang}`);
		await checkPage(page, lang, `login-${lang}`);
		await page.context().close();
	});

	it('ends the session on logout: the old cookie no longer opens anything', async () => {
		const page = await stranger();
		await logInWith(page, ANA);
		await page.waitForURL(`${server.url}/organizer`);
		const cookie = await sessionCookie(page);
		const before = await fetch(`${server.url}/organizer/team`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(before.status).toBe(200);

		await page.getByRole('button', { name: t('logOut') }).click();
		await page.getByText(t('loggedOut')).waitFor();
		const after = await fetch(`${server.url}/organizer/team`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/organizer\/login\?next=/);
		await page.context().close();
	});

	it('refuses a login or a logout posted from another origin (403), and the session lives on', async () => {
		const form = 'application/x-www-form-urlencoded';
		const login = await post(
			'/organizer/login',
			{ origin: EVIL, 'content-type': form },
			new URLSearchParams(ANA).toString()
		);
		expect(login.status).toBe(403);
		expect(login.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);

		const cookie = await sessionCookie(ana);
		const logout = await post('/organizer/logout', { origin: EVIL, cookie });
		expect(logout.status).toBe(403);
		// No Origin at all is refused too (a request that hides where it comes from).
		expect((await post('/organizer/logout', { cookie })).status).toBe(403);
		const still = await fetch(`${server.url}/organizer/team`, {
			headers: { cookie },
			redirect: 'manual'
		});
		expect(still.status).toBe(200);
	});
});

describe('invitations and revocation', () => {
	it('shows the one-time link once, with a copy button, and lists the invitation', async () => {
		await ana.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: server.url
		});
		await ana.goto(`${server.url}/organizer/team`);
		await ana.getByLabel(t('teamInviteEmail')).fill(BO.email);
		await ana.getByRole('button', { name: t('teamInviteButton') }).click();
		const outcome = ana.getByRole('heading', {
			name: t('teamInvitedTitle', { email: BO.email })
		});
		await outcome.waitFor();
		boInvite = (await ana.locator('.outcome code').textContent()) ?? '';
		expect(boInvite).toMatch(new RegExp(`^${server.url}/organizer/invite#[\\w-]{43}$`));
		await ana.getByRole('button', { name: t('teamCopy') }).click();
		await ana.getByText(t('teamCopied')).waitFor();
		expect(await ana.evaluate(() => navigator.clipboard.readText())).toBe(boInvite);
		// Pending, with its expiry 7 days on.
		const row = ana.getByRole('row').filter({ hasText: BO.email });
		await row.getByRole('button', { name: t('teamCancelLabel', { email: BO.email }) }).waitFor();
		// Shown once: the page read again has the invitation but not its link.
		await ana.reload();
		expect(await ana.locator('.outcome').count()).toBe(0);
		expect(await ana.content()).not.toContain(boInvite.split('#')[1]!);
	});

	it.each(LOCALES)('the team page passes axe in %s, with a link shown', async (lang) => {
		await ana.goto(`${server.url}/organizer/team?lang=${lang}`);
		await ana.getByLabel(t('teamInviteEmail', {}, lang)).fill('someone@example.org');
		await ana.getByRole('button', { name: t('teamInviteButton', {}, lang) }).click();
		await ana.locator('.outcome code').waitFor();
		await checkPage(ana, lang, `team-${lang}`);
		// Cancelled again, so the next checks see only Bo's invitation.
		await ana
			.getByRole('button', { name: t('teamCancelLabel', { email: 'someone@example.org' }, lang) })
			.click();
		await ana.getByText(t('teamCancelled', { email: 'someone@example.org' }, lang)).waitFor();
		await ana.goto(`${server.url}/organizer/team?lang=en`);
	});

	it.each(LOCALES)(
		'the invitation page passes axe in %s, before and after the code',
		async (lang) => {
			const page = await stranger();
			await page.goto(`${server.url}/organizer/invite?lang=${lang}`);
			await checkPage(page, lang, `invite-code-${lang}`);
			// Opening the link shows the invited address; nothing is used up until the account is made.
			await page.goto(boInvite);
			await page.getByText(BO.email).waitFor();
			await checkPage(page, lang, `invite-password-${lang}`);
			await page.context().close();
		}
	);

	it('makes a second account from the invitation (JavaScript on), which can log in', async () => {
		await bo.goto(boInvite);
		await bo.getByText(BO.email).waitFor();
		await bo.getByLabel(t('newPassword')).fill(BO.password);
		await bo.getByLabel(t('newPasswordAgain')).fill(BO.password);
		await bo.getByRole('button', { name: t('inviteCreate') }).click();
		await bo.waitForURL(`${server.url}/organizer`);
		await bo.getByText(t('loggedInAs', { email: BO.email })).waitFor();

		const again = await stranger();
		await logInWith(again, BO);
		await again.waitForURL(`${server.url}/organizer`);
		await again.context().close();

		// The link is spent.
		const late = await stranger();
		await late.goto(boInvite);
		await expect.poll(() => late.getByRole('alert').textContent()).toContain(t('inviteCodeWrong'));
		await late.context().close();
	});

	it('accepts an invitation without JavaScript, the whole link pasted as the code', async () => {
		await ana.goto(`${server.url}/organizer/team`);
		await ana.getByLabel(t('teamInviteEmail')).fill(CY.email);
		await ana.getByRole('button', { name: t('teamInviteButton') }).click();
		const link = (await ana.locator('.outcome code').textContent())!;

		const page = await stranger({ javaScriptEnabled: false });
		await page.goto(link);
		const code = page.getByLabel(t('inviteCode'));
		expect(await code.inputValue()).toBe(''); // no script read the #fragment
		await code.fill(link);
		await page.getByRole('button', { name: t('inviteContinue') }).click();
		await page.getByText(CY.email).waitFor();
		await page.getByLabel(t('newPassword')).fill(CY.password);
		await page.getByLabel(t('newPasswordAgain')).fill('not the same one at all');
		await page.getByRole('button', { name: t('inviteCreate') }).click();
		await page.getByRole('link', { name: t('passwordsDiffer') }).waitFor();
		await page.getByLabel(t('newPassword')).fill(CY.password);
		await page.getByLabel(t('newPasswordAgain')).fill(CY.password);
		await page.getByRole('button', { name: t('inviteCreate') }).click();
		await page.waitForURL(`${server.url}/organizer`);
		await page.context().close();
	});

	it('revokes Bo: his open session is logged out at once, and he cannot log in again', async () => {
		await ana.goto(`${server.url}/organizer/team`);
		// No way to revoke yourself.
		expect(
			await ana.getByRole('link', { name: t('teamRevokeLinkLabel', { email: ANA.email }) }).count()
		).toBe(0);
		await ana.getByRole('link', { name: t('teamRevokeLinkLabel', { email: BO.email }) }).click();
		await ana.getByRole('heading', { name: t('teamRevokeTitle', { email: BO.email }) }).waitFor();
		await checkPage(ana, 'en', 'team-revoke-confirm-en');
		await ana.getByRole('button', { name: t('teamRevokeYes') }).click();
		await ana.getByText(t('teamRevoked', { email: BO.email })).waitFor();
		const row = ana.getByRole('row').filter({ hasText: BO.email });
		await expect.poll(() => row.textContent()).toContain(t('teamRevokedOn', { date: '' }).trim());

		await bo.goto(`${server.url}/organizer/team`);
		expect(bo.url()).toBe(`${server.url}/organizer/login?next=%2Forganizer%2Fteam`);
		await logInWith(bo, BO);
		await expect.poll(() => bo.getByRole('alert').textContent()).toContain(t('loginWrong'));
	});
});

describe('your account', () => {
	it.each(LOCALES)('the account page passes axe in %s, with errors shown', async (lang) => {
		await ana.goto(`${server.url}/organizer/account?lang=${lang}`);
		await checkPage(ana, lang, `account-${lang}`);
		await ana.getByRole('button', { name: t('accountChangeButton', {}, lang) }).click();
		await ana.getByRole('alert').waitFor();
		await checkPage(ana, lang, `account-errors-${lang}`);
		await ana.goto(`${server.url}/organizer/account?lang=en`);
	});

	it('changes the password, which logs out Ana’s other browsers but not this one', async () => {
		const other = await stranger();
		await logInWith(other, ANA);
		await other.waitForURL(`${server.url}/organizer`);

		await ana.goto(`${server.url}/organizer/account`);
		await ana.getByLabel(t('accountCurrent')).fill('a wrong guess');
		await ana.getByLabel(t('accountNew'), { exact: true }).fill('a brand new password');
		await ana.getByLabel(t('accountNewAgain')).fill('a brand new password');
		await ana.getByRole('button', { name: t('accountChangeButton') }).click();
		await ana.getByRole('link', { name: t('accountCurrentWrong') }).waitFor();

		await ana.getByLabel(t('accountCurrent')).fill(ANA.password);
		await ana.getByLabel(t('accountNew'), { exact: true }).fill('a brand new password');
		await ana.getByLabel(t('accountNewAgain')).fill('a brand new password');
		await ana.getByRole('button', { name: t('accountChangeButton') }).click();
		await ana.getByText(t('accountChanged')).waitFor();

		await ana.goto(`${server.url}/organizer/team`);
		expect(ana.url()).toBe(`${server.url}/organizer/team`);
		await other.goto(`${server.url}/organizer/team`);
		expect(other.url()).toMatch(/\/organizer\/login\?next=/);
		await other.context().close();
	});
});

describe('secrets', () => {
	it('are not in the server’s log: no password, no invitation code', () => {
		const log = server.output();
		for (const secret of [ANA.password, BO.password, CY.password, 'a brand new password']) {
			expect(log).not.toContain(secret);
		}
		expect(boInvite.split('#')[1]).toMatch(/^[\w-]{43}$/);
		expect(log).not.toContain(boInvite.split('#')[1]!);
	});
});
