/** The vnref commands, in the order `vnref --help` lists them. */
import type { Command } from '../io.js';
import { graphCommand } from './graph.js';

export const commands: Command[] = [graphCommand];
