import type { CommandInfo } from '../shared/commands';
import { HELP_COMMAND } from '../features/help/help.routes';
import { WHOAMI_COMMAND } from '../features/people/people.routes';
import { PEOPLE_COMMAND } from '../features/people/manage/people-manage.routes';
import { KB_COMMANDS } from '../features/kb/kb.routes';
import { MENTOR_ANSWER_COMMANDS } from '../features/kb/mentor-answers';
import { ACCOUNT_COMMAND } from '../features/accounts/accounts.routes';
import { NOTE_COMMAND } from '../features/notes/notes.routes';
import { TASK_COMMANDS } from '../features/tasks/tasks.routes';
import { QUICK_RESPONSES_COMMAND } from '../features/quick-responses/quick-responses.routes';
import { LINK_COMMANDS } from '../features/links/links.routes';
import { ESCALATION_COMMANDS } from '../features/escalations/escalations.routes';

/** Every text command, in the order the help card lists them. The manifest's command lists match these. */
export const BOT_COMMANDS: CommandInfo[] = [ACCOUNT_COMMAND, NOTE_COMMAND, ...TASK_COMMANDS, ...ESCALATION_COMMANDS, QUICK_RESPONSES_COMMAND, ...KB_COMMANDS, ...MENTOR_ANSWER_COMMANDS, HELP_COMMAND, WHOAMI_COMMAND, PEOPLE_COMMAND, ...LINK_COMMANDS];
