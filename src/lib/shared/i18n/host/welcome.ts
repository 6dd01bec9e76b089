import { defineMessages } from '../catalog';

/** The first-time host's welcome on the start page; loads with it, not with every screen. */
export const welcomeMessages = defineMessages(
	{
		welcomeTitle: 'Welcome to Letterday',
		welcomeIntro:
			'Letterday counts the letters written at your Write for Rights event, even with no network. To get ready:',
		welcomeCreate: 'Before the day, while online: create your event.',
		welcomeOffline:
			'The case sheets download to this device at the same time, so they open with no network.',
		welcomeCount: 'On the day: open your event and tap to count each letter, card and signature.',
		welcomeDismiss: 'Got it'
	},
	{
		welcomeTitle: 'Bienvenue dans Letterday',
		welcomeIntro:
			'Letterday compte les lettres écrites à votre événement Écrire pour les droits, même sans réseau. Pour vous préparer\u00a0:',
		welcomeCreate: 'Avant le jour J, en ligne\u00a0: créez votre événement.',
		welcomeOffline:
			'Les fiches des cas se téléchargent en même temps sur cet appareil\u00a0: elles s’ouvrent ensuite sans réseau.',
		welcomeCount:
			'Le jour J\u00a0: ouvrez votre événement et touchez pour compter chaque lettre, carte et signature.',
		welcomeDismiss: 'Compris'
	}
);
