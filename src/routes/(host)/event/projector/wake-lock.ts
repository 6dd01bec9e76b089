/**
 * Keeps a projector's screen from dimming while the view is open and visible: a laptop left on
 * the lectern all afternoon would otherwise sleep. The browser drops the lock whenever the tab
 * is hidden, so it is asked again on each return. Where the API is missing or refuses (battery
 * saver, no user gesture yet), the screen simply behaves as it would anyway.
 */
export function keepScreenAwake(): () => void {
	if (!('wakeLock' in navigator)) return () => undefined;
	let sentinel: WakeLockSentinel | undefined;
	let stopped = false;
	const ask = () => {
		if (document.visibilityState !== 'visible' || stopped) return;
		navigator.wakeLock.request('screen').then(
			(lock) => {
				if (stopped) void lock.release();
				else sentinel = lock;
			},
			() => undefined
		);
	};
	ask();
	document.addEventListener('visibilitychange', ask);
	return () => {
		stopped = true;
		document.removeEventListener('visibilitychange', ask);
		void sentinel?.release().catch(() => undefined);
	};
}
