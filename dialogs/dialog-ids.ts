// Every dialog id in one place: the ids are stored in MongoDB with the dialog stack, so they
// must stay stable across releases (a restart resumes the stack by id).
export const MAIN_DIALOG = 'main';
export const ROUTER_WATERFALL = 'main.router';
export const LANGUAGE_DIALOG = 'language';
export const CONSENT_DIALOG = 'consent';
export const NEEDS_DIALOG = 'needs';
export const PLACE_DIALOG = 'place';
export const RESULTS_DIALOG = 'results';
export const RESUME_DIALOG = 'resume';
export const QUESTION_WATERFALL = 'question';
