/** A host's device for an end-to-end test: its own server and a persistent Chromium profile. */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './app-server';
import { newProfile, type Profile } from './chromium';

export interface HostDevice {
	server: AppServer;
	profile: Profile;
	context: BrowserContext;
}

export async function startHostDevice(server: Promise<AppServer>): Promise<HostDevice> {
	const profile = newProfile();
	return { server: await server, profile, context: await profile.open() };
}

/** Closes what started, in any state a failed test may leave (fields may be unset). */
export async function stopHostDevice(device: Partial<HostDevice>): Promise<void> {
	await device.context?.close();
	device.profile?.remove();
	await disposeAppServer(device.server);
}

/**
 * A host device for a whole test file: started before its tests, stopped after them. Its fields
 * are filled in by the time the tests (and later beforeAll hooks) run.
 */
export function useHostDevice(env?: Parameters<typeof startAppServer>[0]): HostDevice {
	const device = {} as HostDevice;
	beforeAll(async () => {
		Object.assign(device, await startHostDevice(startAppServer(env)));
	});
	afterAll(() => stopHostDevice(device));
	return device;
}
