import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The frame around every organizer page, and logging in and out. */
export const organizerShellMessages = defineMessages(
	{
		appName: 'Letterday',
		areaName: 'Organizers',
		skipToContent: 'Skip to content',
		navLabel: 'Organizer pages',
		navDashboard: 'National count',
		navEvents: 'Events',
		navPacks: 'Case packs',
		navTeam: 'Team',
		switchLanguage: 'Français',
		switchLanguageLabel: 'Afficher en français',
		loggedInAs: 'Logged in as {email}',
		logOut: 'Log out',

		loginTitle: 'Organizer login',
		loginIntro:
			'For Amnesty International Canada’s Write for Rights organizers. Hosts and participants do not need an account.',
		email: 'Email',
		password: 'Password',
		logIn: 'Log in',
		loginWrong: 'That email and password do not match an organizer account.',
		loginLimited:
			'Too many tries. For your account’s safety, logging in is paused until {time}. Try again then.',
		loginMissing: 'Enter your email and your password.',
		loggedOut: 'You are logged out.',
		errorSummary: 'There is a problem'
	},
	{
		appName: 'Letterday',
		areaName: 'Organisation',
		skipToContent: 'Aller au contenu',
		navLabel: 'Pages de l’organisation',
		navDashboard: 'Bilan national',
		navEvents: 'Événements',
		navPacks: 'Trousses de cas',
		navTeam: 'Équipe',
		switchLanguage: 'English',
		switchLanguageLabel: 'Show in English',
		loggedInAs: `Connecté·e${NB}: {email}`,
		logOut: 'Se déconnecter',

		loginTitle: 'Connexion de l’organisation',
		loginIntro:
			'Pour les responsables d’Écrire pour les droits à Amnistie internationale Canada. Les hôtes et les participant·e·s n’ont pas besoin de compte.',
		email: 'Courriel',
		password: 'Mot de passe',
		logIn: 'Se connecter',
		loginWrong: 'Ce courriel et ce mot de passe ne correspondent à aucun compte.',
		loginLimited: `Trop d’essais. Pour protéger votre compte, la connexion est suspendue jusqu’à {time}. Réessayez à ce moment-là.`,
		loginMissing: 'Entrez votre courriel et votre mot de passe.',
		loggedOut: 'Vous êtes déconnecté·e.',
		errorSummary: 'Il y a un problème'
	}
);
