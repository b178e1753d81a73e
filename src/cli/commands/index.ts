/** The vnref commands, in the order `vnref --help` lists them. */
import type { Command } from '../io.js';
import { restoreCommand } from './restore.js';
import { trainLmCommand } from './train-lm.js';

export const commands: Command[] = [restoreCommand, trainLmCommand];
