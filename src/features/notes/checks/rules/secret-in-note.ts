import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { findSecrets, type SecretKind } from '../secret-patterns';
import { filledFields } from '../text';

const ID = 'secret-in-note';

/** What the agent reads for each kind of secret. None of these ever includes the value found. */
const MESSAGES: Record<SecretKind, string> = {
  card: 'This looks like a full card number. Remove it and keep at most the last 4 digits ("card ending in ...").',
  'card-code': 'A card security code (CVV) must never be written down. Remove it.',
  ssn: 'This looks like a Social Security number. Remove it; SSNs are never stored in notes.',
  id: 'A full ID or driver\'s license number must not be stored. Note that the ID was checked, or only its last 3 digits.',
  password: 'A password must never go in a note. Say it was reset or sent, without the password itself.',
  pin: 'A PIN must never go in a note. Say it was set or changed, without the digits.',
  'access-code': 'Gate and access codes open the property. Say a code was given or changed, never the code itself.',
};

/** Rule 7: card numbers, SSNs, full ID numbers, passwords, PINs and access codes stop the save. */
export const secretInNoteRule: NoteCheckRule = {
  id: ID,
  severity: 'block',
  summary: 'Card numbers, SSNs, full ID numbers, passwords, PINs and gate codes can never be saved in a note; remove them to save.',
  find(draft) {
    return filledFields(draft).flatMap(({ field, text }) =>
      findSecrets(text).map((s): NoteFinding => ({ ruleId: ID, severity: 'block', field, message: MESSAGES[s.kind], excerpt: s.masked })),
    );
  },
};
