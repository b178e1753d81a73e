/** The vnref commands, in the order `vnref --help` lists them. */
import type { Command } from '../io.js';
import { normalizeCommand } from './normalize.js';

export const commands: Command[] = [normalizeCommand];
