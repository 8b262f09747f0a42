// The logged-in session as app state. null = nobody logged in; undefined = not yet known (first load).
import { signal } from '@preact/signals';
import type { Session } from './api';

export const session = signal<Session | null | undefined>(undefined);
