/** The vnref commands, in the order `vnref --help` lists them. */
import type { Command } from '../io.js';
import { extractCommand } from './extract.js';
import { headerCommand } from './header.js';

export const commands: Command[] = [extractCommand, headerCommand];
