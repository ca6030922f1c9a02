/** "Update contact" for the customer card: what the bot wires in. */
export { registerContactRoutes, type ContactDeps } from './contact.routes';
export { updateContactAction, contactFormCard, CHANGED_BY_SOMEONE_ELSE } from './contact-form.card';
export { CONTACT_VERBS } from './contact.schemas';
export { ContactService, contactNoteId, type ContactRepository, type ContactNotes } from './contact.service';
export { normaliseEmail, normalisePhone } from './contact-normalise';
