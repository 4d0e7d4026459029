// Words that stand for items a command reads at run time (`{}` of find, xargs' and parallel's
// input), and what each may be.
import type { Runtime, Word } from './command';
import { listingOf } from './producers';

/** A word standing for items chosen at run time; `runtime` says what they may be. */
export function placeholder(value: string, near: Word, runtime?: Runtime): Word {
  return runtime ? { value, dynamic: true, start: near.start, end: near.end, runtime } : { value, dynamic: true, start: near.start, end: near.end };
}

/**
 * What an item read at run time may be: any word (several, where the reader splits them at
 * blanks), or, read from a listing (`git branch --merged | xargs git branch -d`), a name, or an
 * id no rule reads.
 */
export function itemRuntime(listing: string | undefined, split: boolean): Runtime | undefined {
  const kind = listing === undefined ? undefined : listingOf(listing);
  if (kind === 'ids') return undefined;
  if (kind === 'names') return split ? 'names' : 'name';
  return split ? 'words' : 'word';
}

/** Most commands a known input is read into one by one; past them, one more stands for the rest, unread. */
export const MAX_ITEM_COMMANDS = 16;
