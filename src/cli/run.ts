/** Dispatches `vnref <command> ...` to a command; shared by the bin and the tests. */
import { commands } from './commands/index.js';
import { UsageError, type CliIO } from './io.js';
import { VERSION } from './version.js';
import { loadDefaultModel } from '../node/model.js';
import { hasDefaultModel, setDefaultModelProvider } from '../restore/provider.js';

function mainUsage(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: vnref <command> [options] [FILE...]',
    '',
    'Finds and parses the documents cited in Vietnamese report text.',
    '',
    'commands:',
    ...lines,
    '',
    'vnref <command> --help shows the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // Every command reads stripped and OCR'd text with the shipped model (loaded on first need, never for clean text).
  if (!hasDefaultModel()) setDefaultModelProvider(loadDefaultModel);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainUsage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`vnref: unknown command "${name}" (try: vnref --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`vnref ${command.name}: ${err.message} (try: vnref ${command.name} --help)\n`);
      return 2;
    }
    throw err;
  }
}
