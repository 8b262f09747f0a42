// Server commands (lệnh điều khiển), dispatched through one map so a new command is one entry here and one
// member of protocol's CommandSchema. Each handler returns an error text when it could not comply.
import type { Command } from '@bantin/protocol/core';

export interface CommandContext {
  reload(): void;
  identify(durationMs: number): void;
  setVolume(volume: number): void;
}

type Handlers = { [N in Command['name']]: (command: Extract<Command, { name: N }>, ctx: CommandContext) => string | null };

export const IDENTIFY_DEFAULT_MS = 10_000;

export const commandHandlers: Handlers = {
  reload: (_c, ctx) => {
    ctx.reload();
    return null;
  },
  identify: (c, ctx) => {
    ctx.identify(c.durationMs ?? IDENTIFY_DEFAULT_MS);
    return null;
  },
  set_volume: (c, ctx) => {
    ctx.setVolume(Math.max(0, Math.min(100, Math.round(c.volume))));
    return null;
  },
  // A web page cannot capture the screen without a person granting it; say so instead of pretending.
  screenshot: () => 'screenshot is not supported by the web player',
};

/** Runs a command; returns an error text, or null on success (also for an unknown name: the server is newer). */
export function runCommand(command: Command, ctx: CommandContext): string | null {
  const handler = (commandHandlers as Record<string, ((c: Command, x: CommandContext) => string | null) | undefined>)[command.name];
  if (!handler) return `unknown command ${command.name}`;
  try {
    return handler(command, ctx);
  } catch (err) {
    return `command ${command.name} failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}
