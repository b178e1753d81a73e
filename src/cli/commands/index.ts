/** The vnref commands, in the order `vnref --help` lists them. */
import type { Command } from '../io.js';
import { extractCommand } from './extract.js';
import { graphCommand } from './graph.js';
import { headerCommand } from './header.js';
import { normalizeCommand } from './normalize.js';
import { restoreCommand } from './restore.js';
import { trainLmCommand } from './train-lm.js';

export const commands: Command[] = [normalizeCommand, extractCommand, headerCommand, graphCommand, restoreCommand, trainLmCommand];
