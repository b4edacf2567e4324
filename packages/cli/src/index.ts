// @liteml/cli: the `liteml` command. Programmatic entry for tests and embedding.
export { main, type Io } from './main';
export { CliError, EXIT } from './errors';
export { commands, type Command } from './commands/index';
