// The one audit log: keyed chain, anchor, lock, queue, and what a failing file system or a
// tamperer does to it — through an injected file system where a real one cannot fail on cue.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditRecord, type AuditRecord } from '../../../src/core/audit';
import { GENESIS, chainLine } from '../../../src/core/auditChain';
import { ALLOW_VERDICT } from '../../../src/core/verdict';
import { processStart } from '../../../src/gate/auditLock';
import { queueRecord, queuedFiles } from '../../../src/gate/auditQueue';
import { AuditStore, CUT_REPAIRED, KEY_REPLACED, type AppendResult, type AuditFs, type VerifyResult } from '../../../src/gate/auditStore';

const record = (i: number): AuditRecord => auditRecord({ time: new Date(Date.UTC(2026, 11, 6, 0, 0, i)), source: 'hook', actor: 'cursor', kind: 'command', subject: `echo ${i}`, verdict: ALLOW_VERDICT, decision: 'allow', decidedBy: 'policy' });

function fresh(options: { maxBytes?: number; fs?: AuditFs; lockWaitMs?: number } = {}): { dir: string; env: Record<string, string>; store: AuditStore } {
  const home = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  const dir = join(home, 'state');
  const env = { AIRLOCK_STATE_DIR: dir, TMPDIR: home };
  return { dir, env, store: new AuditStore(dir, { env, ...options }) };
}

const problemOf = (result: AppendResult): string => (result.ok ? 'written' : result.problem);
const reasonOf = (result: VerifyResult): string => (result.ok ? 'intact' : result.reason);

const subjects = (store: AuditStore): string[] => store.records().filter((r) => r.actor !== 'airlock').map((r) => r.subject);
const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** node's file system with one function replaced while `failing()` says so. */
function faulty(overrides: Partial<Record<keyof AuditFs, (fd: number, buffer: Buffer, offset: number, length: number) => unknown>>, failing: () => boolean): AuditFs {
  return new Proxy(fs, {
    get(target, name: string) {
      const real = (target as unknown as Record<string, unknown>)[name];
      const fake = (overrides as Record<string, unknown>)[name];
      return fake && failing() ? fake : real;
    },
  });
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

describe('the chain', () => {
  test('one chain across rotated files; a second writer continues it; an edited line is named', () => {
    const { dir, env, store } = fresh({ maxBytes: 700 });
    for (let i = 0; i < 8; i++) store.append(record(i));
    new AuditStore(dir, { env, maxBytes: 700 }).append(record(8));
    expect(store.files().length).toBeGreaterThan(2);
    expect(store.verify()).toMatchObject({ ok: true, records: 9 });
    expect(subjects(store)).toEqual(Array.from({ length: 9 }, (_v, i) => `echo ${i}`));
    const file = store.files()[1] ?? '';
    const text = lines(file);
    text[0] = (text[0] ?? '').replace('"allow"', '"deny"');
    writeFileSync(file, text.join('\n') + '\n');
    expect(store.verify()).toMatchObject({ ok: false, file, line: 1 });
    expect(reasonOf(store.verify())).toContain('edited');
  });

  test('the chain is keyed: an edit with the whole chain and anchor recomputed, unkeyed or under another key, is noticed', () => {
    const { dir, store } = fresh();
    for (let i = 0; i < 4; i++) store.append(record(i));
    const file = join(dir, 'audit.jsonl');
    for (const hash of [(t: string) => createHash('sha256').update(t).digest('hex'), (t: string) => createHmac('sha256', randomBytes(32)).update(t).digest('hex')]) {
      let prev = GENESIS;
      const rewritten = lines(file).map((line, i) => {
        const body = JSON.parse(line) as AuditRecord & { hash?: string };
        delete body.hash;
        const out = chainLine(i === 2 ? { ...body, decision: 'deny' } : body, prev, hash);
        prev = out.hash;
        return out.line;
      });
      writeFileSync(file, rewritten.join('\n') + '\n');
      const anchor = JSON.parse(readFileSync(join(dir, 'audit.anchor'), 'utf8')) as { records: number };
      writeFileSync(join(dir, 'audit.anchor'), JSON.stringify({ records: anchor.records, hash: prev, mac: hash(`airlock audit anchor\n${anchor.records}\n${prev}`) }));
      expect(store.verify()).toMatchObject({ ok: false, line: 1 });
    }
  });

  test('records cut off the end, a deleted log, a deleted or edited anchor, and a deleted key are each noticed', () => {
    const { dir, env, store } = fresh();
    for (let i = 0; i < 5; i++) store.append(record(i));
    const file = join(dir, 'audit.jsonl');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, lines(file).slice(0, 3).join('\n') + '\n');
    expect(store.verify()).toMatchObject({ ok: false, reason: '2 records are missing from the end of the log (it was cut short or a file was deleted)' });
    unlinkSync(file);
    expect(store.verify()).toMatchObject({ ok: false, reason: 'the audit log was deleted: its anchor counts 5 records' });
    writeFileSync(file, whole);
    expect(store.verify()).toMatchObject({ ok: true, records: 5 });
    const anchor = readFileSync(join(dir, 'audit.anchor'), 'utf8');
    writeFileSync(join(dir, 'audit.anchor'), anchor.replace('"records":5', '"records":3'));
    expect(reasonOf(store.verify())).toContain('was edited');
    unlinkSync(join(dir, 'audit.anchor'));
    expect(reasonOf(store.verify())).toContain('anchor');
    writeFileSync(join(dir, 'audit.anchor'), anchor);
    unlinkSync(join(dir, 'audit.key'));
    expect(reasonOf(store.verify())).toContain('the audit key');
    // Writing goes on under a new key, and says so in the chain; the old records stay unverifiable.
    expect(new AuditStore(dir, { env }).append(record(5))).toEqual({ ok: true });
    expect(store.records().some((r) => r.verdict.rules.includes(KEY_REPLACED))).toBe(true);
    expect(store.verify()).toMatchObject({ ok: false, line: 6 });
    expect(reasonOf(store.verify())).toContain('key was replaced here');
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2', 'echo 3', 'echo 4', 'echo 5']);
    // What comes after the replacement is still checked: an edit there is named.
    const text = lines(file);
    text[6] = (text[6] ?? '').replace('echo 5', 'echo 6');
    writeFileSync(file, text.join('\n') + '\n');
    expect(store.verify()).toMatchObject({ ok: false, line: 7 });
    expect(reasonOf(store.verify())).toContain('edited');
  });

  test('a rotated file deleted from the middle breaks the chain where it was', () => {
    const { store } = fresh({ maxBytes: 500 });
    for (let i = 0; i < 9; i++) store.append(record(i));
    const files = store.files();
    expect(files.length).toBeGreaterThan(2);
    unlinkSync(files[0] ?? '');
    expect(store.verify()).toMatchObject({ ok: false, file: files[1], line: 1 });
    expect(reasonOf(store.verify())).toContain('does not follow');
  });

  test('the hooks\' log from before the chain is taken in whole on the first chained write', () => {
    const { dir, store } = fresh();
    fs.mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'audit.jsonl'), [record(0), record(1)].map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(store.verify()).toMatchObject({ ok: true, records: 0, queued: 2 });
    store.append(record(2));
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2']);
    expect(store.verify()).toMatchObject({ ok: true, records: 3 });
  });
});

describe('when a record cannot be written, nothing is lost and nothing goes unnoticed', () => {
  test('disk full mid-record: the half record is taken back, the write says so, and the queued record goes in later', () => {
    let full = false;
    const fsFull = faulty({
      writeSync: (fd: number, buffer: Buffer, offset: number, length: number) => {
        fs.writeSync(fd, buffer, offset, Math.floor(length / 2));
        throw errno('ENOSPC', 'no space left on device');
      },
    }, () => full);
    const { dir, env, store } = fresh({ fs: fsFull });
    const problems: (string | undefined)[] = [];
    store.onProblem = (p) => problems.push(p);
    store.append(record(0));
    const before = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
    full = true;
    expect(problemOf(store.keep(record(1)))).toContain('the disk is full');
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).toBe(before);
    expect(store.failing).toContain('the disk is full');
    expect(queuedFiles(env)).toHaveLength(1);
    full = false;
    store.append(record(2));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('the disk is full');
    expect(problems[1]).toBeUndefined();
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2']);
    expect(queuedFiles(env)).toHaveLength(0);
    expect(store.verify()).toMatchObject({ ok: true, records: 3 });
  });

  test('a line cut by a writer killed mid-record is set aside, never appended onto', () => {
    const { dir, store } = fresh();
    store.append(record(0));
    const half = JSON.stringify(record(1)).slice(0, 40);
    appendFileSync(join(dir, 'audit.jsonl'), half);
    store.append(record(2));
    expect(store.verify()).toMatchObject({ ok: true });
    expect(store.records().map((r) => r.verdict.rules[0] ?? r.subject)).toEqual(['echo 0', CUT_REPAIRED, 'echo 2']);
    const cut = readdirSync(dir).find((f) => f.startsWith('audit.cut-'));
    expect(cut && readFileSync(join(dir, cut), 'utf8')).toBe(half);
  });

  test('an unwritable folder: the write fails with its reason and the record is queued outside it, then taken in', () => {
    const denied = () => { throw errno('EACCES', 'permission denied'); };
    let locked = true;
    const { dir, env, store } = fresh({ fs: faulty({ mkdirSync: denied, writeFileSync: denied, openSync: denied }, () => locked) });
    expect(problemOf(store.keep(record(0)))).toContain(dir);
    expect(queuedFiles(env)).toHaveLength(1);
    locked = false;
    expect(store.absorb()).toBe(1);
    expect(subjects(store)).toEqual(['echo 0']);
  });

  test('a state folder that cannot hold the queue either: the record goes to a private folder under TMPDIR and is taken in from there', () => {
    const home = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
    writeFileSync(join(home, 'not-a-folder'), '');
    const env = { AIRLOCK_STATE_DIR: join(home, 'not-a-folder', 'state'), TMPDIR: home };
    const queued = queueRecord(record(7), env);
    expect(queued.ok && queued.file.startsWith(join(home, `airlock-${process.getuid?.() ?? ''}-audit-queue`))).toBe(true);
    const store = new AuditStore(join(home, 'state'), { env });
    expect(store.absorb()).toBe(1);
    expect(subjects(store)).toEqual(['echo 7']);
  });
});

describe('the lock', () => {
  function holdLock(dir: string, holder: object): void {
    fs.mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'audit.lock'), JSON.stringify(holder));
  }

  test('a live holder is waited for and never broken: the write fails in time, then goes in once the holder is gone', async () => {
    const { dir, env, store } = fresh({ lockWaitMs: 300 });
    store.append(record(0));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    await new Promise((resolve) => child.once('spawn', resolve));
    const pid = child.pid ?? 0;
    holdLock(dir, { pid, start: processStart(pid) });
    const started = Date.now();
    expect(problemOf(store.keep(record(1)))).toContain(`pid ${pid}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(JSON.parse(readFileSync(join(dir, 'audit.lock'), 'utf8'))).toMatchObject({ pid });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(store.append(record(2))).toEqual({ ok: true });
    expect(existsSync(join(dir, 'audit.lock'))).toBe(false);
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2']);
    expect(queuedFiles(env)).toHaveLength(0);
    expect(store.verify()).toMatchObject({ ok: true, records: 3 });
  });

  test('the lock of a holder that is gone — exited, a reused pid, or no holder named — is taken over at once', () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    for (const holder of [{ pid: Number(exited) }, { pid: process.pid, start: 'not-my-start' }, { nonsense: true }]) {
      const { dir, store } = fresh({ lockWaitMs: 5000 });
      holdLock(dir, holder);
      const started = Date.now();
      expect(store.append(record(0))).toEqual({ ok: true });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(readdirSync(dir).filter((f) => f.startsWith('audit.lock') || f.startsWith('audit.claim'))).toEqual([]);
    }
  });

  test('writers in many processes at once, with a dead holder\'s lock left behind, keep one chain and lose nothing', async () => {
    const { dir, env, store } = fresh();
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    holdLock(dir, { pid: Number(exited) });
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const payload = (i: number) => JSON.stringify({ hook_event_name: 'beforeShellExecution', workspace_roots: [dir], cwd: dir, command: `rm -rf ~/victim-${i} ~` });
    const runs = Array.from({ length: 24 }, (_v, i) => new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [cli, 'hook', '--agent', 'cursor'], { env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } });
      child.on('close', () => resolve());
      child.stdin.end(payload(i));
    }));
    await Promise.all(runs);
    expect(store.verify()).toMatchObject({ ok: true, records: 24 });
    expect(new Set(subjects(store)).size).toBe(24);
  });
});

describe('what a process of the user\'s can plant or remove does not hide a cut, hang a writer or redirect its writes', () => {
  test('a cut or deleted log stays reported after later writes: the writer notes the gap on the chain', () => {
    const { dir, store } = fresh();
    for (let i = 0; i < 5; i++) store.append(record(i));
    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, lines(file).slice(0, 2).join('\n') + '\n');
    store.append(record(5));
    expect(reasonOf(store.verify())).toContain('3 records were missing from the end of the log');
    unlinkSync(file);
    store.append(record(6));
    expect(store.verify().ok).toBe(false);
    const { dir: other, store: second } = fresh();
    second.append(record(0));
    unlinkSync(join(other, 'audit.jsonl'));
    unlinkSync(join(other, 'audit.anchor'));
    expect(reasonOf(second.verify())).toContain('the log was deleted');
    second.append(record(1));
    expect(reasonOf(second.verify())).toContain('The anchor was missing');
  });

  test('a link planted as the log is never written through; the write fails and says why', () => {
    const { dir, store } = fresh();
    store.append(record(0));
    const victim = join(dir, '..', 'bashrc');
    writeFileSync(victim, 'export PS1=x\n');
    unlinkSync(join(dir, 'audit.jsonl'));
    fs.symlinkSync(victim, join(dir, 'audit.jsonl'));
    expect(problemOf(store.append(record(1)))).toContain('audit.jsonl');
    expect(readFileSync(victim, 'utf8')).toBe('export PS1=x\n');
  });

  test('a FIFO in the queue or as the lock, and a folder as the lock, neither hang nor block the writer', () => {
    const { dir, env, store } = fresh();
    store.append(record(0));
    const queue = join(dir, 'audit-queue');
    fs.mkdirSync(queue, { recursive: true, mode: 0o700 });
    expect(spawnSync('mkfifo', [join(queue, '0000000000000-1-000000-a.json'), join(dir, 'audit.lock')]).status).toBe(0);
    queueRecord(record(1), env);
    const started = Date.now();
    expect(store.append(record(2))).toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2']);
    expect(readdirSync(queue).filter((f) => f.endsWith('.unreadable'))).toHaveLength(1);
    fs.mkdirSync(join(dir, 'audit.lock'));
    expect(store.append(record(3))).toEqual({ ok: true });
    expect(readdirSync(dir).some((f) => f.startsWith('audit.lock.planted-'))).toBe(true);
    expect(store.verify()).toMatchObject({ ok: true, records: 4 });
  });

  test('a queued record not in the shape Airlock writes is set aside, never chained; a long one is cut', () => {
    const { dir, env, store } = fresh();
    const queue = join(dir, 'audit-queue');
    fs.mkdirSync(queue, { recursive: true, mode: 0o700 });
    writeFileSync(join(queue, '0000000000001-1-000000-a.json'), JSON.stringify({ ...record(0), verdict: { decision: 'allow', risk: 'none', rules: [] } }));
    queueRecord({ ...record(1), subject: 'x'.repeat(70_000) }, env);
    store.append(record(2));
    expect(store.records().map((r) => r.subject.length)).toEqual([4000, 6]);
    expect(readdirSync(queue)).toEqual(['0000000000001-1-000000-a.json.unreadable']);
  });

  test('a key that cannot be read as Airlock wrote it is never replaced; a planted rotated number overwrites nothing', () => {
    const { dir, store } = fresh({ maxBytes: 400 });
    store.append(record(0));
    const key = readFileSync(join(dir, 'audit.key'), 'utf8');
    writeFileSync(join(dir, 'audit.key'), 'not a key');
    expect(problemOf(store.append(record(1)))).toContain('audit key');
    writeFileSync(join(dir, 'audit.key'), key);
    writeFileSync(join(dir, 'audit-9007199254740993.jsonl'), '');
    for (let i = 2; i < 6; i++) store.append(record(i));
    expect(subjects(store).length).toBeGreaterThanOrEqual(5);
    expect(store.records().some((r) => r.subject === 'echo 2')).toBe(true);
  });
});

describe('what the third review found', () => {
  test('a record with thousands of findings stays short, and the next one links to it', () => {
    const { dir, store } = fresh();
    const verdict = { ...ALLOW_VERDICT, decision: 'deny' as const, findings: Array.from({ length: 5000 }, (_v, i) => ({ rule: `sql.drop-${i % 7}`, category: 'sql' as const, severity: 'critical' as const, summary: 's', hint: 'h', span: [0, 1] as const, environment: { tier: 'unknown' as const } })) };
    store.append(auditRecord({ time: new Date(), source: 'hook', actor: 'claude-code', kind: 'command', subject: 'psql -c "drop table x"', verdict, decision: 'deny', decidedBy: 'policy' }));
    expect(lines(join(dir, 'audit.jsonl'))[0]?.length).toBeLessThan(10_000);
    store.append(record(1));
    expect(store.verify()).toMatchObject({ ok: true, records: 2 });
  });

  test('a queued record naming the log\'s own notes is read without them; one from the TMPDIR fallback is marked, and verify says so', () => {
    const home = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
    writeFileSync(join(home, 'file'), '');
    const env = { AIRLOCK_STATE_DIR: join(home, 'file', 'state'), TMPDIR: home };
    queueRecord({ ...record(0), verdict: { ...record(0).verdict, rules: ['airlock.audit-key-replaced', 'k8s.delete'] } }, env);
    const store = new AuditStore(join(home, 'state'), { env });
    store.append(record(1));
    expect(store.records().find((r) => r.subject === 'echo 0')?.verdict.rules).toEqual(['k8s.delete', 'airlock.audit-fallback-queue']);
    expect(store.verify()).toMatchObject({ ok: true, note: expect.stringContaining('1 record came from the fallback queue') as string });
  });

  test('after a key replacement, a later cut is still reported', () => {
    const { dir, env, store } = fresh();
    for (let i = 0; i < 3; i++) store.append(record(i));
    unlinkSync(join(dir, 'audit.key'));
    for (let i = 3; i < 7; i++) new AuditStore(dir, { env }).append(record(i));
    expect(reasonOf(store.verify())).toContain('key was replaced here');
    const file = join(dir, 'audit.jsonl');
    writeFileSync(file, lines(file).slice(0, -2).join('\n') + '\n');
    expect(reasonOf(store.verify())).toContain('2 records are missing from the end');
  });

  test('a rotation stopped between its link and its unlink is finished by the next write, not reported as a break', () => {
    const { dir, store } = fresh();
    for (let i = 0; i < 3; i++) store.append(record(i));
    fs.linkSync(join(dir, 'audit.jsonl'), join(dir, 'audit-1.jsonl'));
    expect(store.verify()).toMatchObject({ ok: true, records: 3 });
    store.append(record(3));
    expect(store.verify()).toMatchObject({ ok: true, records: 4 });
    expect(subjects(store)).toEqual(['echo 0', 'echo 1', 'echo 2', 'echo 3']);
  });
});
